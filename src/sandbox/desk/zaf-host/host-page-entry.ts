/**
 * Browser entry for a page that hosts one app: reads its HostPageConfig from
 * `<script type="application/json" id="zaf-host-config">`, mounts the app into `<iframe id="zaf-app">` and
 * exposes the ZafHost as `window.zafHost`, so that the desk's own UI (or a test) can emit events and hooks.
 */
import type { ZafContext, ZafMetadata } from '../../../app/zaf/zaf-client';
import type { HostModel } from './host-model';
import { mountZafApp, proxyVia, type ZafHost } from './zaf-host';

export interface HostPageConfig {
  readonly appUrl: string;
  readonly appGuid: string;
  readonly context: Omit<ZafContext, 'instanceGuid'>;
  readonly metadata: ZafMetadata;
  readonly model: HostModel;
  /** URL of the desk server's zafProxyEndpoint. */
  readonly proxyUrl: string;
}

declare global {
  interface Window {
    zafHost?: ZafHost;
  }
}

const configElement = document.getElementById('zaf-host-config');
const iframe = document.getElementById('zaf-app');
if (!configElement || !(iframe instanceof HTMLIFrameElement)) {
  throw new Error('the host page needs <script id="zaf-host-config"> and <iframe id="zaf-app">');
}
const config = JSON.parse(configElement.textContent ?? '{}') as HostPageConfig;
window.zafHost = mountZafApp({ ...config, iframe, request: proxyVia(config.proxyUrl) });
