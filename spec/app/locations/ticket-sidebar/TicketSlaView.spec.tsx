import { ThemeProvider } from '@zendeskgarden/react-theming';
import { renderToStaticMarkup } from 'react-dom/server';
import type { SlaPolicy, TicketEvent, TicketSnapshot } from '../../../../src/core';
import type { SupportedLocale } from '../../../../src/app/i18n/catalogs';
import { translationFor } from '../../../../src/app/i18n/TranslationProvider';
import { assessAt, compileInputs, previewAt } from '../../../../src/app/locations/ticket-sidebar/live-sla';
import TicketSlaView, { type LiveSla } from '../../../../src/app/locations/ticket-sidebar/TicketSlaView';
import type { AppError, LoadState } from '../../../../src/app/load-state';
import { agentReply, created, liveInputs, monday, slaInputs, ZONE } from './sla-fixture';

/** The text an agent reads, in document order (markup stripped). */
const textOf = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&#x27;/g, "'").replace(/&amp;/g, '&').replace(/\s+/g, ' ').trim();

interface Options {
  readonly locale?: SupportedLocale;
  readonly intlLocale?: string;
  readonly ticketId?: number | null;
  readonly refreshError?: AppError | null;
  readonly retryInSeconds?: number | null;
  readonly now?: number;
  readonly names?: ReadonlyMap<string, string>;
}

function render(sla: LoadState<LiveSla>, options: Options = {}): string {
  const locale = options.locale ?? 'en';
  const format = { t: translationFor(locale, 'throw').t, locale: options.intlLocale ?? (locale === 'en' ? 'en-GB' : locale), zone: ZONE, now: options.now ?? monday('10:00') };
  return renderToStaticMarkup(
    <ThemeProvider>
      <TicketSlaView
        format={format}
        ticketId={options.ticketId === undefined ? 42 : options.ticketId}
        sla={sla}
        refreshError={options.refreshError ?? null}
        retryInSeconds={options.retryInSeconds ?? null}
        onRetry={() => undefined}
        announcement=""
        names={options.names}
      />
    </ThemeProvider>,
  );
}

/** The ticket assessed by the core at `now`, and the preview of `patch` when given. */
function live(now: number, history?: TicketEvent[], patch: Partial<TicketSnapshot> = {}): LoadState<LiveSla> {
  const inputs = liveInputs(history);
  return { status: 'ready', value: { assessment: assessAt(inputs, now), preview: previewAt(inputs, now, patch) } };
}

/** The rendered row of one metric: its tone and its text. */
function row(html: string, metric: string): { tone: string; text: string } {
  const match = new RegExp(`<li data-metric="${metric}" data-tone="([a-z_]+)"[^>]*>(.*?)</li>`).exec(html);
  if (!match) throw new Error(`no row for ${metric} in ${textOf(html)}`);
  return { tone: match[1] as string, text: textOf(match[2] as string) };
}

describe('TicketSlaView', () => {
  it('shows the ticket and that the SLA is loading, without inventing a ticket id', () => {
    expect(textOf(render({ status: 'loading' }))).toBe('Ticket #42 Loading SLA…');
    expect(textOf(render({ status: 'loading' }, { ticketId: null }))).toBe('Loading SLA…');
  });

  it('counts down an on-track target in business time, with its due time in the agent’s zone and the calendar time', () => {
    const html = render(live(monday('10:00')));
    expect(row(html, 'first_reply_time')).toEqual({ tone: 'on_track', text: 'First reply time On track 1 h 30 m 0 s business · due Mon 11:30 · 1 h 30 m calendar' });
    // A calendar target: one countdown, no business/calendar split.
    expect(row(html, 'total_resolution_time').text).toBe('Total resolution time On track 23 h 30 m 0 s left · due Tue 09:30');
  });

  it('counts business time only while the office is open: at Monday 16:50, 40 business minutes run to Tuesday 09:30', () => {
    const html = render(live(monday('16:50')), { now: monday('16:50') });
    expect(row(html, 'requester_wait_time').text).toBe('Requester wait time On track 40 m 0 s business · due Tue 09:30 · 16 h 40 m calendar');
  });

  it('marks a target inside its warning window as due soon', () => {
    const now = monday('11:20');
    expect(row(render(live(now), { now }), 'first_reply_time')).toEqual({ tone: 'due_soon', text: 'First reply time Due soon 10 m 0 s business · due Mon 11:30 · 10 m calendar' });
  });

  it('says by how much a breached target is overdue', () => {
    const now = monday('12:05');
    expect(row(render(live(now), { now }), 'first_reply_time')).toEqual({
      tone: 'breached',
      text: 'First reply time Breached overdue by 35 m 0 s business · was due Mon 11:30 · overdue by 35 m calendar',
    });
  });

  it('shows a paused clock with its reason and the business time left when it resumes', () => {
    const pending: TicketEvent = { type: 'status_changed', at: monday('10:00'), from: 'new', to: 'pending' };
    const now = monday('11:00');
    expect(row(render(live(now, [created(), pending]), { now }), 'requester_wait_time')).toEqual({
      tone: 'paused',
      text: 'Requester wait time Paused paused: pending · 7 h 30 m business left when it resumes',
    });
  });

  it('shows a met target and one met late, with when', () => {
    const now = monday('13:00');
    expect(row(render(live(now, [created(), agentReply(monday('10:15'))]), { now }), 'first_reply_time')).toEqual({
      tone: 'met', text: 'First reply time Met met Mon 10:15 · due Mon 11:30',
    });
    expect(row(render(live(now, [created(), agentReply(monday('12:00'))]), { now }), 'first_reply_time')).toEqual({
      tone: 'met_late', text: 'First reply time Met late met late Mon 12:00 · was due Mon 11:30',
    });
  });

  it('names the policy and says why it applies: the catch-all, or the most specific with the conditions that held', () => {
    const standard = textOf(render(live(monday('10:00'))));
    expect(standard).toContain('Policy: Standard Why this policy It has no conditions: it applies to every ticket that no more specific policy matches.');
    const urgent = textOf(render(live(monday('10:00'), [created({ priority: 'urgent' })])));
    expect(urgent).toContain('Policy: Urgent Why this policy It is the most specific policy that applies (1 condition held). Conditions that held: Priority is Urgent');
  });

  it('names the ids a condition held by what Zendesk calls them, and shows unknown ids as they are', () => {
    const inputs = slaInputs([created({ groupId: '360001', priority: 'urgent' })]);
    const billing = { ...inputs, policies: [...inputs.policies, { ...(inputs.policies[1] as SlaPolicy), id: 'billing', title: 'Billing urgent', position: 3, filter: { all: [{ field: 'group_id' as const, operator: 'is' as const, value: '360001' }, { field: 'priority' as const, operator: 'in' as const, value: ['high', 'urgent'] }], any: [] } }] };
    const sla: LoadState<LiveSla> = { status: 'ready', value: { assessment: assessAt(compileInputs(billing), monday('10:00')), preview: null } };
    expect(textOf(render(sla, { names: new Map([['group_id:360001', 'Billing']]) }))).toContain(
      'Policy: Billing urgent Why this policy It is the most specific policy that applies (2 conditions held). Conditions that held: Group is Billing Priority is one of High, Urgent',
    );
    expect(textOf(render(sla))).toContain('Conditions that held: Group is 360001');
  });

  it('previews an unsaved priority change apart from the live rows, with the due times it would move', () => {
    const html = render(live(monday('10:00'), undefined, { priority: 'urgent' }));
    const preview = /<section data-preview[^>]*>(.*?)<\/section>/.exec(html);
    expect(preview?.[0]).toContain('aria-live="polite"');
    expect(textOf(preview?.[1] ?? '')).toBe(
      'Preview — What the due times become if you save these changes. ' +
        'If saved now: policy Urgent (was Standard) If saved now: First reply time due Mon 10:30 (was due Mon 11:30) ' +
        // The Urgent policy has no targets for these two.
        'If saved now: Requester wait time not measured (was due Tue 09:30) If saved now: Total resolution time not measured (was due Tue 09:30)',
    );
    // The live row is unchanged by the preview.
    expect(row(html, 'first_reply_time').text).toContain('due Mon 11:30');
  });

  it('says when saving would change nothing, and shows no preview without unsaved changes', () => {
    expect(textOf(render(live(monday('10:00'), undefined, { type: 'question' })))).toContain('If saved now: no SLA target changes.');
    expect(render(live(monday('10:00')))).not.toContain('data-preview');
  });

  it('tells the timeline: a policy and priority change with the due times it recalculated, said once', () => {
    const history: TicketEvent[] = [
      created(),
      { type: 'priority_changed', at: monday('09:40'), from: 'normal', to: 'urgent' },
      { type: 'status_changed', at: monday('10:10'), from: 'new', to: 'pending' },
    ];
    const text = textOf(render(live(monday('10:20'), history), { now: monday('10:20') }));
    expect(text).toContain(
      'Timeline (2 entries) ' +
        'Mon 09:40: policy changed from Standard to Urgent Requester wait time: recalculated from Mon 09:30, due Tue 09:30 → none ' +
        'Total resolution time: recalculated from Mon 09:30, due Tue 09:30 → none First reply time: recalculated from Mon 09:30, due Mon 11:30 → Mon 10:30 ' +
        // The same update changed the priority: its recalculations are not repeated. The pauses at 10:10 are of
        // metrics the Urgent policy does not measure: left out.
        'Mon 09:40: priority changed from Normal to Urgent',
    );
  });

  it('tells the pauses of the metrics the policy measures', () => {
    const history: TicketEvent[] = [created(), { type: 'status_changed', at: monday('10:10'), from: 'new', to: 'pending' }];
    const text = textOf(render(live(monday('10:20'), history), { now: monday('10:20') }));
    expect(text).toMatch(/Timeline \(1 entry\) Mon 10:10: Requester wait time paused: pending$/);
  });

  it('keeps the last known state when a refresh fails, and says so', () => {
    const text = textOf(render(live(monday('10:00')), { refreshError: { kind: 'unreachable', detail: 'status 503' }, retryInSeconds: 10 }));
    expect(text).toContain('The SLA server cannot be reached. Retrying in 10 seconds… Retry now Showing the last known SLA state');
    expect(text).toContain('First reply time On track');
  });

  it('says the server has no history for the ticket yet', () => {
    expect(textOf(render({ status: 'ready', value: { assessment: null, preview: null } }))).toBe(
      "Ticket #42 The SLA server has not received this ticket's history yet.",
    );
  });

  it('says the server cannot be reached when nothing is known yet, in Polish plural forms', () => {
    const down: LoadState<LiveSla> = { status: 'failed', error: { kind: 'unreachable', detail: 'status 502' } };
    expect(textOf(render(down, { locale: 'pl', retryInSeconds: 2 }))).toBe('Zgłoszenie #42 Nie można połączyć się z serwerem SLA. Ponowna próba za 2 sekundy… Spróbuj teraz');
  });

  it('speaks Japanese to a Japanese agent, dates included', () => {
    const html = render(live(monday('10:00')), { locale: 'ja' });
    expect(row(html, 'first_reply_time').text).toBe('初回返信時間 順調 営業時間で残り1時間30分0秒 · 期限 11:30 (月) · 暦時間で残り1時間30分');
  });
});
