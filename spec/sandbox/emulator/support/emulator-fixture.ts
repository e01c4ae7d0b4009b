import {
  startZendeskEmulator,
  type RunningZendeskEmulator,
  type ZendeskEmulatorOptions,
} from '../../../../src/sandbox/emulator';

export const START = '2026-11-22T10:00:00Z';
export const ADMIN_EMAIL = 'admin@sandbox.test';
export const API_TOKEN = 'sandbox-api-token';

/** Basic auth for an API token, as Zendesk wants it: base64("{email}/token:{token}"). */
export const tokenAuth = (email = ADMIN_EMAIL, token = API_TOKEN): string =>
  `Basic ${Buffer.from(`${email}/token:${token}`).toString('base64')}`;

export interface TestEmulator extends RunningZendeskEmulator {
  /** An /api/v2 call over HTTP, authenticated as the seeded admin unless `auth` says otherwise. */
  call(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: unknown, auth?: string): Promise<Reply>;
}

export interface Reply {
  readonly status: number;
  readonly headers: Record<string, unknown>;
  /** Parsed JSON, loosely typed on purpose: specs assert on Zendesk's shapes, which is the point of the test. */
  readonly body: any;
}

/**
 * An emulator listening on an ephemeral port, on a frozen clock at START, with jobs moved by hand; override
 * anything. (Real HTTP rather than fastify's inject: inject loads the ESM-only `cookie` package, which this jest
 * setup cannot require.)
 */
export async function anEmulator(overrides: ZendeskEmulatorOptions = {}): Promise<TestEmulator> {
  const emulator = await startZendeskEmulator({ clock: { start: START, mode: 'frozen' }, jobs: { autoRun: false }, ...overrides });
  return {
    ...emulator,
    call: async (method, url, body, auth = tokenAuth()) => {
      const response = await fetch(`${emulator.url}${url}`, {
        method,
        headers: { authorization: auth, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      return { status: response.status, headers: Object.fromEntries(response.headers), body: text === '' ? null : JSON.parse(text) };
    },
  };
}

/** Creates a ticket and returns its JSON. */
export async function aTicket(emulator: TestEmulator, ticket: Record<string, unknown> = {}): Promise<any> {
  const reply = await emulator.call('POST', '/api/v2/tickets.json', {
    ticket: { subject: 'Printer on fire', comment: { body: 'It is on fire.' }, ...ticket },
  });
  if (reply.status !== 201) throw new Error(`ticket create failed: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body.ticket;
}
