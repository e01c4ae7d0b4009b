import { formatInstant } from './format';
import { html, type Html } from './html';

export interface ClockView {
  /** Emulator time, ISO-8601. */
  readonly now: string;
  /** Where "to next breach" goes (epoch ms), or null when no unsolved ticket has a due time ahead. */
  readonly nextBreachAt: number | null;
}

/**
 * The emulator's time and the buttons that move it. Each button is a small form posting to /clock, so it works
 * without script; `return_to` brings the agent back to the page they were on.
 */
export function clockControl(clock: ClockView, returnTo: string): Html {
  const button = (step: string, label: string, title: string, disabled = false) => html`
    <form method="post" action="/clock"><input type="hidden" name="step" value="${step}"><input type="hidden" name="return_to" value="${returnTo}">
    <button type="submit" title="${title}" ${disabled ? html`disabled` : ''}>${label}</button></form>`;
  const breachTitle =
    clock.nextBreachAt === null
      ? 'No unsolved ticket has an SLA due time ahead yet (the SLA server writes sla_next_due_at)'
      : `Move to ${formatInstant(new Date(clock.nextBreachAt).toISOString())}, just past the earliest SLA due time`;
  return html`<div class="clock" title="Emulator time">
    <time data-emulator-now="${clock.now}" datetime="${clock.now}">${formatInstant(clock.now)}</time>
    ${button('hour', '+1 hour', 'Move the emulator clock one hour forward')}
    ${button('day', '+1 day', 'Move the emulator clock one day forward')}
    ${button('next_breach', 'To next breach', breachTitle, clock.nextBreachAt === null)}
  </div>`;
}
