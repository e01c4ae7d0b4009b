import { createHash } from 'node:crypto';
import { fail, ok, type FieldError, type Result } from '../core/result';

/**
 * The server's whole configuration, read once from the environment by `main.ts` (the only reader of
 * `process.env`). `loadConfig` is pure: it lists every problem at once, each naming its variable in `path`.
 */
export interface ServerConfig {
  readonly port: number;
  readonly host: string;
  readonly database: DatabaseConfig;
  /** AES-256-GCM key for secrets at rest (32 bytes). */
  readonly encryptionKey: EncryptionKey;
  readonly zendesk: ZendeskConfig;
  /** HS256 secret the app's secure `sharedSecret` setting holds; the proxy signs the app's JWTs with it. */
  readonly appSharedSecret: string | null;
  readonly logLevel: LogLevel;
  /** Where Zendesk reaches this server (for the webhook the setup step installs); null until set. */
  readonly publicUrl: string | null;
  /**
   * How long a worker's claim on a ticket or write-back lasts: a crashed process's work is taken over after at
   * most this long. Longer than any one ticket's processing (a few Zendesk calls).
   */
  readonly workerLeaseMs: number;
  /**
   * How long a write-back that fires no email may wait, so that the account's changes go to Zendesk together as
   * one update_many (see writebackNotBefore). 0 writes every change at once, as the sandbox does by default so a
   * newcomer sees each change land; with an account the default is 30 s, which also keeps any one ticket well
   * inside Zendesk's 30 updates per 10 minutes.
   */
  readonly writebackWindowMs: number;
}

export type DatabaseConfig =
  | { readonly kind: 'sqlite'; readonly file: string }
  | { readonly kind: 'postgres'; readonly url: string };

/**
 * `sandbox_dev_key` is a fixed, public key used only when no Zendesk account is configured: the sandbox holds
 * only the emulator's fake credentials, and a fixed key keeps its SQLite file readable across restarts.
 */
export interface EncryptionKey {
  readonly source: 'environment' | 'sandbox_dev_key';
  readonly bytes: Buffer;
}

export type ZendeskAuth =
  | { readonly kind: 'api_token'; readonly email: string; readonly token: string }
  | { readonly kind: 'oauth'; readonly accessToken: string };

export type ZendeskConfig =
  | { readonly mode: 'sandbox' }
  | {
      readonly mode: 'account';
      readonly subdomain: string;
      readonly auth: ZendeskAuth;
      /** Null until the setup step reads it from Zendesk (`GET /api/v2/webhooks/{id}/signing_secret`). */
      readonly webhookSecret: string | null;
      /** The API's base URL: `https://{subdomain}.zendesk.com`, unless ZENDESK_URL says otherwise (a proxy, a test). */
      readonly url: string;
      /** The app's installation id: with PUBLIC_URL, the server sets the account up at start (webhook, triggers). */
      readonly installationId: string | null;
    };

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** `path` is the environment variable's name. */
export type ConfigError = FieldError;

export type Environment = Readonly<Record<string, string | undefined>>;

export const DEFAULT_SQLITE_FILE = './data/sla.db';
/** Public on purpose (see `EncryptionKey`); never used when a Zendesk account is configured. */
export const SANDBOX_DEV_KEY = createHash('sha256').update('zendesk-sla-engine sandbox dev key').digest();
export const SANDBOX_APP_SHARED_SECRET = 'sandbox-app-shared-secret-not-for-production';
/** RFC 7518 §3.2: an HS256 key must be at least as long as the hash output (256 bits). */
const MIN_APP_SECRET_LENGTH = 32;

export function loadConfig(env: Environment): Result<ServerConfig, ConfigError> {
  const errors: ConfigError[] = [];
  const problem = (path: string, code: string, message: string): void => {
    errors.push({ path, code, message: `${path} ${message}` });
  };
  const port = readPort(value(env, 'PORT'), problem);
  const database = readDatabase(value(env, 'DATABASE_URL'), problem);
  const zendesk = readZendesk(env, problem);
  const sandbox = zendesk?.mode === 'sandbox';
  const encryptionKey = readEncryptionKey(value(env, 'SLA_ENCRYPTION_KEY'), sandbox, problem);
  const appSharedSecret = readAppSecret(value(env, 'SLA_APP_SHARED_SECRET'), sandbox, problem);
  const logLevel = readLogLevel(value(env, 'LOG_LEVEL'), problem);
  const publicUrl = readPublicUrl(value(env, 'PUBLIC_URL'), problem);
  const workerLeaseMs = readLeaseSeconds(value(env, 'SLA_WORKER_LEASE_SECONDS'), problem);
  const writebackWindowMs = readWindowSeconds(value(env, 'SLA_WRITEBACK_WINDOW_SECONDS'), sandbox, problem);
  if (workerLeaseMs === null || writebackWindowMs === null || errors.length > 0 || !database || !zendesk || !encryptionKey || port === null || !logLevel) return fail(errors);
  return ok({
    port,
    host: value(env, 'HOST') ?? '127.0.0.1',
    database,
    encryptionKey,
    zendesk,
    appSharedSecret,
    logLevel,
    publicUrl,
    workerLeaseMs,
    writebackWindowMs,
  });
}

function readLeaseSeconds(raw: string | undefined, problem: Problem): number | null {
  if (raw === undefined) return 60_000;
  const seconds = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (seconds >= 5 && seconds <= 3600) return seconds * 1000;
  problem('SLA_WORKER_LEASE_SECONDS', 'invalid_lease', 'must be a whole number of seconds from 5 to 3600 (default 60)');
  return null;
}

function readWindowSeconds(raw: string | undefined, sandbox: boolean, problem: Problem): number | null {
  if (raw === undefined) return sandbox ? 0 : 30_000;
  const seconds = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (seconds >= 0 && seconds <= 300) return seconds * 1000;
  problem('SLA_WRITEBACK_WINDOW_SECONDS', 'invalid_window', 'must be a whole number of seconds from 0 to 300 (default 30; 0 writes at once)');
  return null;
}

type Problem = (path: string, code: string, message: string) => void;

/** Empty strings count as unset: `FOO= npm start` should not mean "FOO is the empty string". */
function value(env: Environment, name: string): string | undefined {
  const raw = env[name]?.trim();
  return raw === undefined || raw === '' ? undefined : raw;
}

function readPort(raw: string | undefined, problem: Problem): number | null {
  if (raw === undefined) return 3000;
  const port = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (Number.isInteger(port) && port >= 0 && port <= 65535) return port;
  problem('PORT', 'invalid_port', `must be an integer from 0 to 65535 (got "${raw}")`);
  return null;
}

function readDatabase(raw: string | undefined, problem: Problem): DatabaseConfig | null {
  if (raw === undefined) return { kind: 'sqlite', file: DEFAULT_SQLITE_FILE };
  if (/^postgres(ql)?:\/\//i.test(raw)) {
    if (URL.canParse(raw)) return { kind: 'postgres', url: raw };
  } else if (raw.startsWith('sqlite:') && raw.length > 'sqlite:'.length) {
    return { kind: 'sqlite', file: raw.slice('sqlite:'.length) };
  }
  problem('DATABASE_URL', 'invalid_database_url', 'must be a postgres:// URL or sqlite:<path to a file>');
  return null;
}

function readEncryptionKey(raw: string | undefined, sandbox: boolean, problem: Problem): EncryptionKey | null {
  if (raw === undefined) {
    if (sandbox) return { source: 'sandbox_dev_key', bytes: SANDBOX_DEV_KEY };
    problem('SLA_ENCRYPTION_KEY', 'required', 'is required when a Zendesk account is configured (32 bytes base64, e.g. `openssl rand -base64 32`)');
    return null;
  }
  const bytes = /^[A-Za-z0-9+/]+={0,2}$/.test(raw) ? Buffer.from(raw, 'base64') : Buffer.alloc(0);
  if (bytes.length === 32) return { source: 'environment', bytes };
  problem('SLA_ENCRYPTION_KEY', 'invalid_key', 'must be 32 bytes base64 (e.g. `openssl rand -base64 32`)');
  return null;
}

function readAppSecret(raw: string | undefined, sandbox: boolean, problem: Problem): string | null {
  if (raw === undefined) return sandbox ? SANDBOX_APP_SHARED_SECRET : null;
  if (raw.length >= MIN_APP_SECRET_LENGTH) return raw;
  problem('SLA_APP_SHARED_SECRET', 'too_short', `must be at least ${MIN_APP_SECRET_LENGTH} characters (HS256 key)`);
  return null;
}

function readLogLevel(raw: string | undefined, problem: Problem): LogLevel | null {
  if (raw === undefined) return 'info';
  const level = LOG_LEVELS.find((l) => l === raw.toLowerCase());
  if (level) return level;
  problem('LOG_LEVEL', 'invalid_log_level', `must be one of ${LOG_LEVELS.join(', ')}`);
  return null;
}

function readPublicUrl(raw: string | undefined, problem: Problem): string | null {
  if (raw === undefined) return null;
  if (/^https?:\/\//i.test(raw) && URL.canParse(raw)) return raw.replace(/\/+$/, '');
  problem('PUBLIC_URL', 'invalid_url', 'must be an http:// or https:// URL');
  return null;
}

const ZENDESK_VARIABLES = [
  'ZENDESK_SUBDOMAIN',
  'ZENDESK_EMAIL',
  'ZENDESK_API_TOKEN',
  'ZENDESK_OAUTH_TOKEN',
  'ZENDESK_WEBHOOK_SECRET',
  'ZENDESK_URL',
  'ZENDESK_APP_INSTALLATION_ID',
] as const;

/** No Zendesk variable at all means sandbox mode; any of them means an account, which must then be complete. */
function readZendesk(env: Environment, problem: Problem): ZendeskConfig | null {
  if (ZENDESK_VARIABLES.every((name) => value(env, name) === undefined)) return { mode: 'sandbox' };
  const subdomain = value(env, 'ZENDESK_SUBDOMAIN');
  const auth = readZendeskAuth(env, problem);
  let subdomainOk = false;
  if (subdomain === undefined) {
    problem('ZENDESK_SUBDOMAIN', 'required', 'is required when any ZENDESK_* variable is set (e.g. "acme" for acme.zendesk.com)');
  } else if (!/^[a-z0-9][a-z0-9-]{0,62}$/i.test(subdomain)) {
    problem('ZENDESK_SUBDOMAIN', 'invalid_subdomain', 'must be the subdomain only (e.g. "acme" for acme.zendesk.com)');
  } else {
    subdomainOk = true;
  }
  const url = value(env, 'ZENDESK_URL');
  const urlOk = url === undefined || (/^https?:\/\//i.test(url) && URL.canParse(url));
  if (!urlOk) problem('ZENDESK_URL', 'invalid_url', 'must be an http:// or https:// URL (default https://{subdomain}.zendesk.com)');
  const installationId = value(env, 'ZENDESK_APP_INSTALLATION_ID');
  const installationOk = installationId === undefined || /^\d+$/.test(installationId);
  if (!installationOk) problem('ZENDESK_APP_INSTALLATION_ID', 'invalid_id', 'must be the numeric id of the app\'s installation (Admin Center > Apps)');
  if (!subdomainOk || !auth || subdomain === undefined || !urlOk || !installationOk) return null;
  return {
    mode: 'account',
    subdomain: subdomain.toLowerCase(),
    auth,
    webhookSecret: value(env, 'ZENDESK_WEBHOOK_SECRET') ?? null,
    url: (url ?? `https://${subdomain.toLowerCase()}.zendesk.com`).replace(/\/+$/, ''),
    installationId: installationId ?? null,
  };
}

function readZendeskAuth(env: Environment, problem: Problem): ZendeskAuth | null {
  const email = value(env, 'ZENDESK_EMAIL');
  const token = value(env, 'ZENDESK_API_TOKEN');
  const accessToken = value(env, 'ZENDESK_OAUTH_TOKEN');
  if (token !== undefined && accessToken !== undefined) {
    problem('ZENDESK_OAUTH_TOKEN', 'conflicting_auth', 'cannot be set together with ZENDESK_API_TOKEN: choose one');
    return null;
  }
  if (accessToken !== undefined) return { kind: 'oauth', accessToken };
  if (token === undefined) {
    problem('ZENDESK_API_TOKEN', 'required', 'or ZENDESK_OAUTH_TOKEN is required when a Zendesk account is configured');
    return null;
  }
  if (email === undefined || !email.includes('@')) {
    problem('ZENDESK_EMAIL', 'required', 'must be the email of the API token\'s user (Basic auth is "{email}/token:{token}")');
    return null;
  }
  return { kind: 'api_token', email, token };
}
