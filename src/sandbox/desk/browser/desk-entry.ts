/**
 * The desk's one browser script: ticks the header's emulator clock and, on pages that host the app (ticket and
 * nav bar), mounts it through ZAF (zaf-host) and wires the ticket form. `window.zafHost` is exposed for tests.
 */
import type { HostPageConfig } from '../zaf-host/host-page-entry';
import { mountZafApp, proxyVia } from '../zaf-host/zaf-host';
import { tickClock } from './tick-clock';
import { wireTicketPage } from './ticket-page-script';

const clock = document.querySelector('time[data-emulator-now]');
if (clock instanceof HTMLTimeElement) tickClock(clock);

const configElement = document.getElementById('zaf-host-config');
const iframe = document.getElementById('zaf-app');
let app: Parameters<typeof wireTicketPage>[0]['app'] = null;
if (configElement && iframe instanceof HTMLIFrameElement) {
  const config = JSON.parse(configElement.textContent ?? '{}') as HostPageConfig;
  const host = mountZafApp({ ...config, iframe, request: proxyVia(config.proxyUrl) });
  window.zafHost = host;
  app = { host, model: config.model };
}

const page = document.querySelector<HTMLElement>('.ticket[data-ticket-id]');
if (page) {
  wireTicketPage({
    ticketId: Number(page.dataset.ticketId),
    props: document.getElementById('ticket-props') as HTMLFormElement,
    composer: document.getElementById('composer') as HTMLFormElement,
    conversation: document.getElementById('conversation') as HTMLElement,
    notice: document.getElementById('submit-notice') as HTMLElement,
    app,
  });
}
