import type { GroupKey } from './demo-people';

/** What a demo ticket is about: its first message, the group that owns it, a tag an agent would add. */
export interface DemoTopic {
  readonly group: GroupKey;
  readonly subject: string;
  readonly description: string;
  readonly tag: string;
}

export const DEMO_TOPICS: readonly DemoTopic[] = [
  { group: 'support', tag: 'login', subject: 'Cannot log in after password reset', description: 'I reset my password this morning and now the login page just reloads. I have tried two browsers.' },
  { group: 'support', tag: 'outage', subject: 'Dashboard shows error 502', description: 'Since about an hour ago our whole team gets "502 Bad Gateway" on the dashboard. This is blocking us.' },
  { group: 'support', tag: 'export', subject: 'CSV export is missing columns', description: 'The CSV export no longer includes the "region" and "owner" columns that we rely on for reporting.' },
  { group: 'support', tag: 'sso', subject: 'SSO login loops back to the start page', description: 'After signing in with our identity provider we land on the start page again, logged out.' },
  { group: 'support', tag: 'api', subject: 'API returns 429 although we are under the limit', description: 'Our integration gets 429 Too Many Requests while we send fewer than 10 requests a minute.' },
  { group: 'support', tag: 'mobile', subject: 'Mobile app crashes on start', description: 'The Android app closes immediately after the splash screen since yesterday’s update.' },
  { group: 'support', tag: 'notifications', subject: 'Not receiving email notifications', description: 'None of us has received notification emails for a week. Spam folders are empty too.' },
  { group: 'support', tag: 'users', subject: 'How do I add a new team member?', description: 'We hired two people. Where do I invite them, and which role should they get?' },
  { group: 'support', tag: 'data', subject: 'Some records disappeared', description: 'About 30 records from last Tuesday are no longer in the list. Can you restore them?' },
  { group: 'support', tag: 'performance', subject: 'Search is very slow', description: 'Searching takes 20–30 seconds for us since Monday. It used to be instant.' },
  { group: 'support', tag: 'integration', subject: 'Slack integration stopped posting', description: 'The Slack channel no longer gets updates. Reconnecting did not help.' },
  { group: 'support', tag: 'language', subject: 'Interface language switched to German', description: 'My account suddenly shows everything in German and I cannot find the setting.' },
  { group: 'support', tag: 'attachments', subject: 'Upload fails for PDF files', description: 'Uploading any PDF over 2 MB fails with "something went wrong".' },
  { group: 'support', tag: 'access', subject: 'Please remove a former employee', description: 'A colleague left the company; please make sure they no longer have access.' },
  { group: 'billing', tag: 'invoice', subject: 'Invoice shows the wrong company address', description: 'Our latest invoice has our old address. We need a corrected copy for accounting.' },
  { group: 'billing', tag: 'refund', subject: 'Charged twice this month', description: 'Our card was charged twice for the November subscription. Please refund one of them.' },
  { group: 'billing', tag: 'plan', subject: 'Upgrade to the annual plan', description: 'We would like to switch to annual billing. Is the discount applied to the current month?' },
  { group: 'billing', tag: 'vat', subject: 'VAT number missing on invoices', description: 'Our VAT ID is not printed on invoices, so we cannot reclaim the tax.' },
  { group: 'billing', tag: 'card', subject: 'Card declined but it is valid', description: 'Renewal failed with "card declined", but the card works everywhere else.' },
  { group: 'billing', tag: 'seats', subject: 'Reduce the number of seats', description: 'We only need 15 seats from next month instead of 25.' },
  { group: 'billing', tag: 'cancellation', subject: 'Cancel our trial', description: 'We decided not to continue. Please make sure we are not charged.' },
  { group: 'billing', tag: 'receipt', subject: 'Need receipts for the last 6 months', description: 'Our auditor asks for receipts for June to November.' },
];

export const AGENT_REPLIES: readonly string[] = [
  'Thanks for reaching out. I am looking into this now and will get back to you shortly.',
  'Thank you for the details. Could you send us a screenshot and the time it last happened?',
  'I have reproduced the problem and passed it on to our engineers. I will keep you posted.',
  'This should be fixed now. Could you try again and let me know if it works for you?',
];

export const CUSTOMER_FOLLOW_UPS: readonly string[] = [
  'Thanks! Here is the screenshot you asked for. It happened again at 9:40.',
  'Unfortunately it still does not work on our side.',
  'Any news on this? It is getting urgent for us.',
  'That worked, thank you very much!',
];

export const INTERNAL_NOTES: Readonly<Record<GroupKey, readonly string[]>> = {
  support: [
    'Checked the logs: the errors started after the last deploy. Asked engineering in #incidents.',
    'Looks like the same root cause as the ticket from last week.',
    'Could not reproduce on staging; asked the customer for their browser version.',
  ],
  billing: [
    'Waiting for the payment provider to confirm the charge.',
    'Finance needs to approve this one; pinged them.',
    'Customer has an open invoice from last month too, check before replying.',
  ],
};
