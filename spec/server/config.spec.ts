import { loadConfig, SANDBOX_DEV_KEY, type Environment } from '../../src/server/config';

const KEY = Buffer.alloc(32, 7).toString('base64');
const ACCOUNT: Environment = {
  ZENDESK_SUBDOMAIN: 'Acme',
  ZENDESK_EMAIL: 'ops@acme.test',
  ZENDESK_API_TOKEN: 'tok',
  SLA_ENCRYPTION_KEY: KEY,
};

function errorsOf(env: Environment): { path: string; code: string; message: string }[] {
  const result = loadConfig(env);
  if (result.ok) throw new Error('expected errors');
  return result.errors.map(({ path, code, message }) => ({ path, code, message }));
}

function configOf(env: Environment) {
  const result = loadConfig(env);
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('; '));
  return result.value;
}

describe('loadConfig', () => {
  it('defaults to sandbox mode on SQLite ./data/sla.db, port 3000 on loopback, with the public dev key', () => {
    const config = configOf({});
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      database: { kind: 'sqlite', file: './data/sla.db' },
      zendesk: { mode: 'sandbox' },
      logLevel: 'info',
      publicUrl: null,
      workerLeaseMs: 60_000,
      // The sandbox writes every change at once, so a newcomer sees each one land.
      writebackWindowMs: 0,
    });
    expect(config.encryptionKey.source).toBe('sandbox_dev_key');
    expect(config.encryptionKey.bytes.equals(SANDBOX_DEV_KEY)).toBe(true);
    expect(config.appSharedSecret).toMatch(/sandbox/);
  });

  it('takes the worker lease in seconds, within reason', () => {
    expect(configOf({ SLA_WORKER_LEASE_SECONDS: '10' }).workerLeaseMs).toBe(10_000);
    const bad = loadConfig({ SLA_WORKER_LEASE_SECONDS: '1' });
    expect(bad.ok ? [] : bad.errors.map((e) => e.path)).toEqual(['SLA_WORKER_LEASE_SECONDS']);
  });

  it('takes the write-back window in seconds: 30 s with an account unless set, 0 writes at once', () => {
    expect(configOf(ACCOUNT).writebackWindowMs).toBe(30_000);
    expect(configOf({ ...ACCOUNT, SLA_WRITEBACK_WINDOW_SECONDS: '0' }).writebackWindowMs).toBe(0);
    expect(configOf({ SLA_WRITEBACK_WINDOW_SECONDS: '5' }).writebackWindowMs).toBe(5_000);
    for (const raw of ['-1', '301', '2.5', 'soon']) {
      const bad = loadConfig({ SLA_WRITEBACK_WINDOW_SECONDS: raw });
      expect(bad.ok ? [] : bad.errors.map((e) => [e.path, e.code])).toEqual([['SLA_WRITEBACK_WINDOW_SECONDS', 'invalid_window']]);
    }
  });

  it('treats empty variables as unset', () => {
    expect(configOf({ PORT: '', DATABASE_URL: ' ' }).port).toBe(3000);
  });

  it('reads an account with an API token, lower-casing the subdomain', () => {
    const config = configOf({ ...ACCOUNT, ZENDESK_WEBHOOK_SECRET: 'whsec', PORT: '0', LOG_LEVEL: 'DEBUG' });
    expect(config.zendesk).toEqual({
      mode: 'account',
      subdomain: 'acme',
      auth: { kind: 'api_token', email: 'ops@acme.test', token: 'tok' },
      webhookSecret: 'whsec',
      url: 'https://acme.zendesk.com',
      installationId: null,
    });
    expect(config.encryptionKey.source).toBe('environment');
    expect(config.port).toBe(0);
    expect(config.logLevel).toBe('debug');
    expect(config.appSharedSecret).toBeNull();
  });

  it('takes another Zendesk URL and the app installation id, and names them when malformed', () => {
    const config = configOf({ ...ACCOUNT, ZENDESK_URL: 'http://127.0.0.1:4010/', ZENDESK_APP_INSTALLATION_ID: '77' });
    expect(config.zendesk).toMatchObject({ url: 'http://127.0.0.1:4010', installationId: '77' });
    const bad = loadConfig({ ...ACCOUNT, ZENDESK_URL: 'ftp://x', ZENDESK_APP_INSTALLATION_ID: 'abc' });
    expect(bad.ok ? [] : bad.errors.map((e) => e.path)).toEqual(['ZENDESK_URL', 'ZENDESK_APP_INSTALLATION_ID']);
  });

  it('reads an account with an OAuth token (no email needed)', () => {
    const config = configOf({ ZENDESK_SUBDOMAIN: 'acme', ZENDESK_OAUTH_TOKEN: 'oauth', SLA_ENCRYPTION_KEY: KEY });
    expect(config.zendesk).toMatchObject({ auth: { kind: 'oauth', accessToken: 'oauth' } });
  });

  it.each([
    ['postgres://u@db:5432/sla', { kind: 'postgres', url: 'postgres://u@db:5432/sla' }],
    ['postgresql://db/sla', { kind: 'postgres', url: 'postgresql://db/sla' }],
    ['sqlite:/var/lib/sla.db', { kind: 'sqlite', file: '/var/lib/sla.db' }],
    ['sqlite:data/x.db', { kind: 'sqlite', file: 'data/x.db' }],
  ])('reads DATABASE_URL %s', (url, database) => {
    expect(configOf({ DATABASE_URL: url }).database).toEqual(database);
  });

  it('lists every problem at once, each naming its variable', () => {
    const errors = errorsOf({
      PORT: '70000',
      DATABASE_URL: 'mysql://db',
      ZENDESK_SUBDOMAIN: 'acme.zendesk.com',
      ZENDESK_API_TOKEN: 'tok',
      SLA_ENCRYPTION_KEY: 'c2hvcnQ=',
      SLA_APP_SHARED_SECRET: 'short',
      LOG_LEVEL: 'loud',
      PUBLIC_URL: 'ftp://x',
    });
    expect(errors.map((e) => e.path).sort()).toEqual(
      [
        'DATABASE_URL',
        'LOG_LEVEL',
        'PORT',
        'PUBLIC_URL',
        'SLA_APP_SHARED_SECRET',
        'SLA_ENCRYPTION_KEY',
        'ZENDESK_EMAIL',
        'ZENDESK_SUBDOMAIN',
      ].sort(),
    );
    expect(errors.find((e) => e.path === 'DATABASE_URL')?.message).toBe(
      'DATABASE_URL must be a postgres:// URL or sqlite:<path to a file>',
    );
    expect(errors.find((e) => e.path === 'SLA_ENCRYPTION_KEY')?.message).toMatch(/^SLA_ENCRYPTION_KEY must be 32 bytes base64/);
  });

  it('requires SLA_ENCRYPTION_KEY when an account is configured', () => {
    const { SLA_ENCRYPTION_KEY: _, ...withoutKey } = ACCOUNT;
    expect(errorsOf(withoutKey)).toEqual([expect.objectContaining({ path: 'SLA_ENCRYPTION_KEY', code: 'required' })]);
  });

  it('requires a token once any ZENDESK_* variable is set, and refuses both kinds at once', () => {
    expect(errorsOf({ ZENDESK_WEBHOOK_SECRET: 'x', SLA_ENCRYPTION_KEY: KEY }).map((e) => e.path)).toEqual([
      'ZENDESK_API_TOKEN',
      'ZENDESK_SUBDOMAIN',
    ]);
    expect(errorsOf({ ...ACCOUNT, ZENDESK_OAUTH_TOKEN: 'o' })).toEqual([
      expect.objectContaining({ path: 'ZENDESK_OAUTH_TOKEN', code: 'conflicting_auth' }),
    ]);
  });

  it('rejects a key that is not base64 even if its length is right', () => {
    expect(errorsOf({ SLA_ENCRYPTION_KEY: '!'.repeat(44) })).toEqual([
      expect.objectContaining({ path: 'SLA_ENCRYPTION_KEY', code: 'invalid_key' }),
    ]);
  });
});
