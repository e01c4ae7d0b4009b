import fs from 'node:fs';
import path from 'node:path';
import Fastify from 'fastify';
import { basicAuthorization, zendeskApi, type ZendeskCredentials } from './api/zendesk-api';
import type { HostedApp } from './host/host-config';
import { readAppFile } from './http/app-files';
import { buildDeskAssets, type DeskAssets } from './http/desk-assets';
import { deskContext } from './http/desk-context';
import { registerOtherRoutes } from './http/other-routes';
import { registerTicketRoutes } from './http/ticket-routes';
import { createZafProxy } from './zaf-host/proxy';
import { answerProxyRequest } from './zaf-host/proxy-endpoint';
import type { ManifestParameter } from './zaf-host/public-settings';

export interface AgentDeskOptions {
  /** The emulator's origin, e.g. http://127.0.0.1:4010. */
  readonly emulatorUrl: string;
  /** An admin of the emulated account (API token). */
  readonly credentials: ZendeskCredentials;
  /** Who is signed in to the desk (an agent's email); default the admin. */
  readonly agentEmail?: string;
  /** The built app (`npm run build` → dist/), served as Zendesk's app CDN would. */
  readonly appDistDir: string;
  /** The app's installation in the emulator; null hosts no app. */
  readonly installation: { readonly id: number; readonly appId: number } | null;
  /** Every setting of the installation, secure ones included (they stay in this process, as in Zendesk). */
  readonly appSettings: Readonly<Record<string, string | number | boolean>>;
  readonly subdomain?: string;
  /** 0 picks a free port. */
  readonly port?: number;
  readonly host?: string;
  /** The proxy's clock for JWT iat/exp, epoch ms: give the emulator's, so that tokens agree with the server's clock. */
  readonly now?: () => number;
  /** Prebuilt browser scripts (tests share one build); built at start otherwise. */
  readonly assets?: DeskAssets;
}

export interface RunningAgentDesk {
  /** http://127.0.0.1:PORT */
  readonly url: string;
  close(): Promise<void>;
}

interface Manifest {
  readonly name: string;
  readonly version: string;
  readonly parameters?: readonly ManifestParameter[];
  readonly domainWhitelist?: readonly string[];
}

/**
 * The sandbox's agent desk: a small Zendesk-like web app over the emulator (ticket list, ticket view, outbox, clock)
 * that hosts the built app through the ZAF protocol, with Zendesk's request proxy on this server.
 */
export async function startAgentDesk(options: AgentDeskOptions): Promise<RunningAgentDesk> {
  const manifest = JSON.parse(fs.readFileSync(path.join(options.appDistDir, 'manifest.json'), 'utf8')) as Manifest;
  const assets = options.assets ?? (await buildDeskAssets());
  const admin = zendeskApi(options.emulatorUrl, options.credentials);
  const hosted: HostedApp | null = options.installation && {
    appId: options.installation.appId,
    installationId: options.installation.id,
    name: manifest.name,
    version: manifest.version,
    parameters: manifest.parameters ?? [],
    settings: options.appSettings,
  };
  const agentEmail = options.agentEmail ?? options.credentials.email;
  const desk = deskContext({
    api: admin.as(agentEmail),
    admin,
    app: hosted,
    subdomain: options.subdomain ?? 'sandbox',
    appDistDir: options.appDistDir,
  });
  // Relative /api/v2 requests of the app run against the emulator as the signed-in agent, as Zendesk's proxy does.
  const account = { baseUrl: options.emulatorUrl, authorization: basicAuthorization(agentEmail, options.credentials.apiToken) };
  const proxy = createZafProxy({
    settings: options.appSettings,
    domainWhitelist: manifest.domainWhitelist ?? [],
    account,
    ...(options.now ? { now: options.now } : {}),
  });

  const app = Fastify({ logger: false });
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(String(body))));
  });
  registerTicketRoutes(app, desk);
  registerOtherRoutes(app, desk);
  app.post('/zaf-proxy', async (request, reply) => {
    const { status, body } = await answerProxyRequest(proxy, request.body);
    return reply.code(status).send(body);
  });
  app.get('/desk.js', async (_request, reply) => reply.type('application/javascript; charset=utf-8').send(assets.deskJs));
  app.get('/zaf-sdk.js', async (_request, reply) => reply.type('application/javascript; charset=utf-8').send(assets.zafSdkJs));
  app.get<{ Params: { '*': string } }>('/app/*', async (request, reply) => {
    const file = readAppFile(options.appDistDir, request.params['*'], '/zaf-sdk.js');
    if (!file) return reply.code(404).send('not found');
    return reply.type(file.contentType).send(file.body);
  });

  const host = options.host ?? '127.0.0.1';
  await app.listen({ port: options.port ?? 0, host });
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port;
  return { url: `http://${host}:${port}`, close: () => app.close() };
}
