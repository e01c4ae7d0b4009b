import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { OPENAPI_DOCUMENT, type OpenApiOperation } from '../../../src/server/http/openapi';
import { TEST_DIALECTS } from '../../support/test-database';
import { useAppApi } from './routes/app-api-fixture';
import { saveStandardPolicy, storeWaitingTicket } from './routes/sla-fixture';

const ID = 'https://sla-clock.invalid/openapi.json';
const METHODS = ['get', 'post', 'put', 'delete'] as const;

/** `#/components/schemas/X` as an absolute `$defs` reference, so the schemas compile as plain JSON Schema 2020-12. */
function absolute(schema: unknown): unknown {
  return JSON.parse(JSON.stringify(schema).replace(/"#\/components\/schemas\/(\w+)"/g, `"${ID}#/$defs/$1"`));
}

function newAjv() {
  const ajv = new Ajv2020({ strict: true, strictTuples: false, allowUnionTypes: true, allErrors: true });
  addFormats(ajv);
  ajv.addKeyword('example');
  ajv.addSchema({ $id: ID, $defs: absolute(OPENAPI_DOCUMENT.components.schemas) as object });
  return ajv;
}

const operations = Object.entries(OPENAPI_DOCUMENT.paths).flatMap(([path, item]) =>
  METHODS.flatMap((method) => (item[method] ? [{ path, method, operation: item[method] as OpenApiOperation }] : [])),
);

/** Method + path of every route the server registered, read from Fastify's own route tree (HEAD is Fastify's). */
function registeredRoutes(tree: string): string[] {
  const stack: string[] = [];
  const routes: string[] = [];
  for (const line of tree.split('\n')) {
    const match = /^([│ ]*)[├└]── (\S+)(?: \(([^)]*)\))?/.exec(line);
    if (!match) continue;
    const depth = (match[1] as string).length / 4;
    stack.length = depth;
    const path = `${stack[depth - 1] ?? ''}${match[2]}`;
    stack[depth] = path;
    for (const method of (match[3] ?? '').split(', ').filter((m) => m && m !== 'HEAD')) routes.push(`${method} ${path.replace(/:(\w+)/g, '{$1}')}`);
  }
  return routes;
}

describe('the OpenAPI document', () => {
  it('is structurally OpenAPI 3.1: unique operation ids, path parameters declared, every $ref resolving, every schema valid 2020-12', () => {
    expect(OPENAPI_DOCUMENT.openapi).toBe('3.1.0');
    const ids = operations.map((o) => o.operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { path, operation } of operations) {
      const templated = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      const declared = (operation.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name).sort();
      expect([path, declared]).toEqual([path, templated]);
      expect(Object.keys(operation.responses).length).toBeGreaterThan(0);
      for (const code of Object.keys(operation.responses)) expect(code).toMatch(/^[1-5]\d\d$/);
      if (operation.security) for (const requirement of operation.security) for (const name of Object.keys(requirement)) expect(OPENAPI_DOCUMENT.components.securitySchemes).toHaveProperty(name);
    }
    const ajv = newAjv();
    for (const name of Object.keys(OPENAPI_DOCUMENT.components.schemas)) expect(() => ajv.getSchema(`${ID}#/$defs/${name}`)).not.toThrow();
    for (const { operation } of operations) {
      const schemas = [...Object.values(operation.requestBody?.content ?? {}), ...Object.values(operation.responses).flatMap((r) => Object.values(r.content ?? {}))];
      for (const { schema } of schemas) expect(() => ajv.compile(absolute(schema) as object)).not.toThrow();
    }
  });
});

describe.each(TEST_DIALECTS)('GET /api/openapi.json on %s', (dialect) => {
  const api = useAppApi(dialect);

  it('is served without auth', async () => {
    const response = await api.app().inject({ method: 'GET', url: '/api/openapi.json' });
    expect([response.statusCode, response.json()]).toEqual([200, JSON.parse(JSON.stringify(OPENAPI_DOCUMENT))]);
  });

  it('describes every registered route, /api and the others, and nothing that is not registered', async () => {
    const registered = registeredRoutes(api.app().printRoutes({ commonPrefix: false }));
    const documented = operations.map(({ method, path }) => `${method.toUpperCase()} ${path}`);
    expect(registered.filter((r) => r.includes(' /api/')).length).toBeGreaterThan(20);
    expect([...registered].sort()).toEqual([...documented].sort());
  });

  it("matches what the server answers (bodies checked against the document's schemas)", async () => {
    const ajv = newAjv();
    const check = (path: string, method: (typeof METHODS)[number], status: number, body: unknown) => {
      const schema = OPENAPI_DOCUMENT.paths[path]?.[method]?.responses[String(status)]?.content?.['application/json']?.schema;
      if (!schema) throw new Error(`${method} ${path} documents no JSON ${status}`);
      const validate = ajv.compile(absolute(schema) as object);
      expect([method, path, status, validate(body) ? 'valid' : validate.errors]).toEqual([method, path, status, 'valid']);
    };
    const account = await api.newAccount();
    const policyId = await saveStandardPolicy(api.store(), account);
    await storeWaitingTicket(api.store(), account, '42', 'normal');
    const calls = [
      ['/api/schedules', 'post', '/api/schedules', { name: 'Office', schedule: { timeZone: 'Europe/Warsaw', week: { mon: [['09:00', '17:00']] } } }],
      ['/api/schedules', 'post', '/api/schedules', { name: 'Office', schedule: { timeZone: 'Europe/Warsaw', week: { mon: [['09:00', '17:00']] } } }],
      ['/api/schedules', 'post', '/api/schedules', { name: '', schedule: {} }],
      ['/api/schedules', 'get', '/api/schedules'],
      ['/api/policies', 'get', '/api/policies'],
      ['/api/policies', 'post', '/api/policies', { policy: { title: 'x', targets: [] } }],
      ['/api/policies/{id}', 'put', `/api/policies/${policyId}`, { policy: { title: 'y', targets: [] }, expectedVersion: 9 }],
      ['/api/policies/{id}/versions', 'get', `/api/policies/${policyId}/versions`],
      ['/api/policies/{id}', 'get', '/api/policies/nope'],
      ['/api/policies/preview-impact', 'post', '/api/policies/preview-impact', { policies: [] }],
      ['/api/notification-settings', 'get', '/api/notification-settings'],
      ['/api/notification-settings/test', 'post', '/api/notification-settings/test', { kind: 'due_soon' }],
      ['/api/tickets/{ticketId}/sla/what-if', 'post', '/api/tickets/42/sla/what-if', { changes: { priority: 'urgent' } }],
      ['/api/tickets/{ticketId}/sla', 'get', '/api/tickets/42/sla'],
    ] as const;
    const statuses: number[] = [];
    for (const [path, method, url, payload] of calls) {
      const response = await api.call(account, method.toUpperCase() as 'GET', url, payload);
      statuses.push(response.statusCode);
      check(path, method, response.statusCode, response.json());
    }
    expect(statuses).toEqual([201, 409, 422, 200, 200, 201, 409, 200, 404, 200, 200, 409, 200, 200]);
  });
});
