import type { OutboxMailJson } from '../api/zendesk-json';
import { formatInstant } from './format';
import { html, type Html } from './html';

/** Mail the emulated account sent (trigger notifications), newest first. Nothing leaves this machine. */
export function outboxBody(mails: readonly OutboxMailJson[], triggerTitles: ReadonlyMap<number, string>): Html {
  const newestFirst = [...mails].sort((a, b) => b.at.localeCompare(a.at) || b.id - a.id);
  return html`<main><h1>Outbox <span class="muted">(${mails.length})</span></h1>
  <p class="hint">Emails the account's triggers sent. The sandbox keeps them here instead of sending them.</p>
  ${newestFirst.length === 0 ? html`<p class="muted">No mail yet. Breach notifications arrive here once the SLA server tags a breached ticket.</p>` : ''}
  ${newestFirst.map(
    (mail) => html`<article class="mail" data-mail-id="${mail.id}">
      <div class="meta">${formatInstant(mail.at)} · to <b>${mail.to}</b> · ticket <a href="/tickets/${mail.ticketId}">#${mail.ticketId}</a> · trigger “${triggerTitles.get(mail.triggerId) ?? `#${mail.triggerId}`}”</div>
      <h3>${mail.subject}</h3><pre>${mail.body}</pre></article>`,
  )}</main>`;
}
