import { buildZendeskEmulator, type BuiltZendeskEmulator, type ZendeskEmulatorOptions } from './build-zendesk-emulator';

export interface StartZendeskEmulatorOptions extends ZendeskEmulatorOptions {
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  readonly host?: string;
}

export interface RunningZendeskEmulator extends BuiltZendeskEmulator {
  /** Origin to give clients, e.g. http://127.0.0.1:43123 (node-zendesk: endpointUri `${url}/api/v2`). */
  readonly url: string;
}

/** Builds the emulator and listens; `url` and every `url` property in its JSON then point at this server. */
export async function startZendeskEmulator(options: StartZendeskEmulatorOptions = {}): Promise<RunningZendeskEmulator> {
  const emulator = buildZendeskEmulator(options);
  const host = options.host ?? '127.0.0.1';
  await emulator.app.listen({ port: options.port ?? 0, host });
  const address = emulator.app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port;
  const url = `http://${host}:${port}`;
  emulator.state.baseUrl = url;
  return { ...emulator, url };
}
