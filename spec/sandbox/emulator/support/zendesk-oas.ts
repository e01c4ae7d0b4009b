import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { load } from 'js-yaml';

/**
 * Zendesk's OpenAPI 3.0 description of the Support API, used to check the emulator's answers and our requests.
 * It lives outside the repository (reference data for tests, never shipped): ../shared from the repo root.
 */
export const ZENDESK_OAS_PATH = resolve(__dirname, '../../../../..', 'shared/zendesk/support-api-oas.yaml');

type Schema = Record<string, unknown>;
interface OasDocument {
  readonly paths: Record<string, Record<string, { requestBody?: Schema; responses?: Record<string, Schema> }>>;
  readonly components: { readonly schemas: Record<string, Schema> };
}

export interface ZendeskOas {
  /** Errors of `body` against the response schema the spec declares for (method, path, status); [] when valid. */
  responseErrors(method: string, specPath: string, status: number, body: unknown): string[];
  /** Errors of a request body against the operation's declared request schema. */
  requestErrors(method: string, specPath: string, body: unknown): string[];
  /** Errors against one named component schema, e.g. "TicketObject". */
  schemaErrors(name: string, value: unknown): string[];
}

/**
 * Loads the spec into ajv. OpenAPI 3.0 is not quite JSON Schema: `nullable` is ajv's own OpenAPI keyword,
 * `example`/`readOnly`/`writeOnly` are annotations (strict mode off), and the spec uses two non-standard formats
 * ("url", "datetime") that we define. Known gaps of the spec are patched in `patches` and listed in the caller.
 */
export function loadZendeskOas(patches: (document: OasDocument) => void = () => undefined): ZendeskOas {
  const document = load(readFileSync(ZENDESK_OAS_PATH, 'utf8')) as OasDocument;
  patches(document);
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addFormat('url', /^https?:\/\/\S+$/);
  ajv.addFormat('datetime', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
  ajv.addSchema({ $id: 'zendesk', components: document.components });
  const compiled = new Map<string, ValidateFunction>();
  const validatorFor = (ref: string): ValidateFunction => {
    const existing = compiled.get(ref);
    if (existing) return existing;
    const validate = ajv.compile({ $ref: `zendesk${ref}` });
    compiled.set(ref, validate);
    return validate;
  };
  const errorsOf = (ref: string, value: unknown): string[] => {
    const validate = validatorFor(ref);
    return validate(value) ? [] : (validate.errors ?? []).map(describe);
  };
  const operation = (method: string, specPath: string) => {
    const op = document.paths[specPath]?.[method.toLowerCase()];
    if (!op) throw new Error(`The spec has no ${method} ${specPath}`);
    return op;
  };
  const refOf = (content: Schema | undefined): string => {
    const schema = (content?.content as Record<string, { schema?: { $ref?: string } }> | undefined)?.['application/json']?.schema;
    if (!schema?.$ref) throw new Error('The operation declares no JSON schema');
    return schema.$ref;
  };
  return {
    responseErrors: (method, specPath, status, body) => errorsOf(refOf(operation(method, specPath).responses?.[String(status)]), body),
    requestErrors: (method, specPath, body) => errorsOf(refOf(operation(method, specPath).requestBody), body),
    schemaErrors: (name, value) => errorsOf(`#/components/schemas/${name}`, value),
  };
}

function describe(error: ErrorObject): string {
  return `${error.instancePath || '/'} ${error.message ?? ''} ${JSON.stringify(error.params)}`;
}
