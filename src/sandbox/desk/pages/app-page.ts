import type { HostPageConfig } from '../zaf-host/host-page-entry';
import { html, jsonScript, type Html } from './html';

/** The app's nav_bar location (its admin page) filling the desk below the top bar, as Zendesk shows it. */
export function appBody(host: HostPageConfig | null): Html {
  if (!host) return html`<main><h1>SLA Clock</h1><p class="hint">The app is not installed in this account.</p></main>`;
  return html`<div class="nav-app"><iframe id="zaf-app" title="${host.metadata.name}"></iframe></div>${jsonScript('zaf-host-config', host)}`;
}
