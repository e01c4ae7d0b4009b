import { clockControl, type ClockView } from './clock-control';
import { Html, html } from './html';
import { DESK_CSS } from './styles';

export type DeskSection = 'tickets' | 'outbox' | 'app';

export interface LayoutInput {
  readonly title: string;
  readonly section: DeskSection;
  readonly agentName: string;
  readonly clock: ClockView;
  /** This page's path, for the clock buttons to come back to. */
  readonly path: string;
  readonly body: Html;
}

const SECTIONS: ReadonlyArray<readonly [DeskSection, string, string]> = [
  ['tickets', '/tickets', 'Tickets'],
  ['outbox', '/outbox', 'Outbox'],
  ['app', '/apps/sla-clock', 'SLA Clock'],
];

/**
 * Every desk page: the top bar (sections, emulator clock, who is signed in) above the page's body, and the desk's
 * script (the clock's ticking; on ticket and app pages, the ZAF host).
 */
export function layout(input: LayoutInput): string {
  return html`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${input.title} · Sandbox desk</title>
<meta name="viewport" content="width=device-width,initial-scale=1"><style>${new Html(DESK_CSS)}</style></head>
<body><header class="top"><a class="brand" href="/tickets">Sandbox <span>desk</span></a>
<nav>${SECTIONS.map(([section, href, label]) => html`<a href="${href}" class="${section === input.section ? 'current' : ''}">${label}</a>`)}</nav>
${clockControl(input.clock, input.path)}<span class="who">Signed in as ${input.agentName}</span></header>
${input.body}<script src="/desk.js" defer></script></body></html>`.text;
}
