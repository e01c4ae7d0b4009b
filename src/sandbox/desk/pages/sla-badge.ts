import { formatInstant, formatRelative } from './format';
import { html, type Html } from './html';

/** The SLA status the server wrote (tag value `sla_status_<state>`), as a coloured pill; nothing when unset. */
export function slaBadge(status: string | null, name: string | null): Html {
  if (status === null) return html``;
  return html`<span class="sla sla-${status.replace(/^sla_status_/, '')}">${name ?? status}</span>`;
}

/** The next due time with how far away it is, e.g. "Mon 23 Nov, 15:40 UTC · in 40 min". */
export function dueTime(iso: string | null, nowMs: number): Html {
  if (iso === null || Number.isNaN(Date.parse(iso))) return html`${iso ?? ''}`;
  return html`<span title="${iso}">${formatInstant(iso)}</span> <span class="muted">· ${formatRelative(iso, nowMs)}</span>`;
}
