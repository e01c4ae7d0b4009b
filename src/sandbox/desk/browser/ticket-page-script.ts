import { STATUS_LABELS } from '../pages/format';
import { changeEvents, type HostModel } from '../zaf-host/host-model';
import type { ZafHost } from '../zaf-host/zaf-host';
import { changedProperties, readProperties, splitTags } from './ticket-changes';
import { refreshTicket, submitTicket, type CommentMode, type TicketView } from './submit-ticket';

/** How long the desk waits for the app's answer to `ticket.save` before saving anyway, as Zendesk does. */
const SAVE_HOOK_TIMEOUT_MS = 5_000;
/** How often the page asks whether someone else changed the ticket (one API call each, within Zendesk's rate limit). */
const WATCH_INTERVAL_MS = 2_000;

interface TicketPageParts {
  readonly ticketId: number;
  readonly props: HTMLFormElement;
  readonly composer: HTMLFormElement;
  readonly conversation: HTMLElement;
  readonly notice: HTMLElement;
  /** Null when no app is installed. */
  readonly app: { readonly host: ZafHost; readonly model: HostModel } | null;
}

/**
 * The ticket page's behaviour: every property the agent changes is told to the app before saving
 * (`ticket.<field>.changed`, `*.changed`), and Submit asks the app's `ticket.save` hook, saves, then says
 * `ticket.submit.done` (or `.fail`) and `ticket.submit.always`, in Zendesk's order.
 */
export function wireTicketPage(parts: TicketPageParts): void {
  const { props, composer, app } = parts;
  let saved = readProperties(props);
  const emit = (event: string, payload?: unknown) => app?.host.emit(event, payload);

  props.addEventListener('change', (event) => {
    const field = event.target as HTMLInputElement | HTMLSelectElement;
    if (field.name === 'status') (document.getElementById('submit-status') as HTMLElement).textContent = STATUS_LABELS[field.value] ?? field.value;
    if (!app) return;
    if (field.name === 'status' || field.name === 'priority' || field.name === 'type') app.host.set(`ticket.${field.name}`, field.value === '' ? null : field.value);
    else if (field.name === 'tags') app.host.set('ticket.tags', splitTags(field.value));
    else if (field.name === 'group_id' || field.name === 'assignee_id') changeAssignee(app, props);
  });

  const textarea = composer.elements.namedItem('comment') as HTMLTextAreaElement;
  const mode = composer.elements.namedItem('comment_mode') as HTMLSelectElement;
  let typing: ReturnType<typeof setTimeout> | undefined;
  textarea.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => emit('comment.text.changed', textarea.value), 300);
  });
  mode.addEventListener('change', () => composer.classList.toggle('internal', mode.value === 'internal'));

  composer.addEventListener('submit', (event) => {
    event.preventDefault();
    void submit();
  });

  const submit = async () => {
    const changes = changedProperties(saved, readProperties(props));
    const body = textarea.value.trim();
    if (body === '' && Object.keys(changes).length === 0) return say('Nothing to submit: write a comment or change a property.', 'error');
    const button = composer.querySelector('button[type=submit]') as HTMLButtonElement;
    button.disabled = true;
    submitting = true;
    say('Saving…', 'ok');
    try {
      emit('ticket.submit.start');
      if (app) {
        const verdict = await app.host.hook('ticket.save', SAVE_HOOK_TIMEOUT_MS).catch(() => ({ accepted: true as const }));
        if (!verdict.accepted) return fail(verdict.message);
      }
      const ticket = app?.model.ticket;
      const outcome = await submitTicket(parts.ticketId, {
        updatedStamp: ticket?.updatedAt ?? (props.dataset.updatedAt as string),
        changes,
        comment: body === '' ? null : { body, mode: mode.value as CommentMode },
      });
      if (!outcome.ok) return fail(outcome.message);
      show(outcome);
      textarea.value = '';
      saved = readProperties(props);
      say('Saved.', 'ok');
      emit('ticket.submit.done', { ticketId: parts.ticketId });
      emit('ticket.submit.always');
    } finally {
      button.disabled = false;
      submitting = false;
    }
  };

  /** Redraws what a change of the ticket touches; a Tags field the agent has not edited follows the ticket's tags. */
  const show = (view: TicketView) => {
    if (app) app.model.ticket = view.ticket;
    props.dataset.updatedAt = view.ticket.updatedAt;
    props.dataset.version = view.version;
    const tags = props.elements.namedItem('tags') as HTMLInputElement | null;
    if (tags && tags.value === saved.tags) {
      tags.value = view.tags;
      saved = { ...saved, tags: view.tags };
    }
    parts.conversation.innerHTML = view.conversationHtml;
    parts.conversation.scrollTop = parts.conversation.scrollHeight;
    (document.getElementById('sla-status') as HTMLElement).innerHTML = view.slaStatusHtml;
    (document.getElementById('sla-due') as HTMLElement).innerHTML = view.slaDueHtml;
  };

  // Zendesk shows another's change of the open ticket (here: the SLA server's write-back) and tells the app with
  // `ticket.updated`; the desk learns of it by polling. Later saves then carry the new stamp instead of conflicting.
  let submitting = false;
  const watch = async () => {
    if (submitting) return;
    const since = props.dataset.version as string;
    const refresh = await refreshTicket(parts.ticketId, since);
    if (!refresh?.changed || submitting || props.dataset.version !== since) return;
    show(refresh);
    emit('ticket.updated');
  };
  setInterval(() => void watch(), WATCH_INTERVAL_MS);

  const fail = (message: string) => {
    say(message, 'error');
    emit('ticket.submit.fail', { message });
    emit('ticket.submit.always');
  };
  const say = (message: string, kind: 'ok' | 'error') => {
    parts.notice.textContent = message;
    parts.notice.className = `notice ${kind}`;
  };
}

/** Group and assignee are one ZAF property, `ticket.assignee` = {user, group}, as in Zendesk. */
function changeAssignee(app: { host: ZafHost; model: HostModel }, props: HTMLFormElement): void {
  const picked = (name: string) => {
    const select = props.elements.namedItem(name) as HTMLSelectElement;
    const option = select.selectedOptions[0];
    return select.value === '' || !option ? null : { id: Number(select.value), name: option.text };
  };
  const value = { user: picked('assignee_id'), group: picked('group_id') };
  if (app.model.ticket) app.model.ticket.assignee = value;
  for (const [event, payload] of changeEvents('ticket.assignee', value)) app.host.emit(event, payload);
}
