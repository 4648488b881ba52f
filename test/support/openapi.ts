/**
 * Validates replies against Atlassian's OpenAPI documents (patched for their known defects, see
 * openapi-patches.ts). Cloud: swagger-v3.v3.json, whose `/rest/api/3` operations also describe `/rest/api/2`.
 * Data Center: jira_software_dc_10003_swagger.v3.json, whose paths lack the `/rest` prefix (`latest` = `2`).
 *
 *   const result = validateResponse('cloud', 'GET', '/rest/api/3/issue/DEMO-1', 200, body);
 *   assert.ok(result.ok, result.errors);
 *
 * Schemas compile lazily with Ajv and are cached. Timestamps use Jira's `+0000` offsets, so `date-time`
 * accepts them (jira-behaviour.md §3.16). The specs declare no `required` keys: pin presence in tests.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { type OpenApiDocument, SPEC_PATCHES, type SpecFlavor } from './openapi-patches.js';

export type { SpecFlavor } from './openapi-patches.js';

export interface ValidationResult {
  ok: boolean;
  /** Human-readable problems, one per line; empty when ok. */
  errors: string;
}

// The OpenAPI documents live in the shared folder beside the repository (`../shared/jira-openapi`);
// JIRATS_OPENAPI_DIR points elsewhere, e.g. for a checkout that is not next to it.
const SPEC_DIR =
  process.env.JIRATS_OPENAPI_DIR ?? fileURLToPath(new URL('../../../shared/jira-openapi', import.meta.url));
const SPEC_FILES: Record<SpecFlavor, string> = {
  cloud: `${SPEC_DIR}/swagger-v3.v3.json`,
  datacenter: `${SPEC_DIR}/jira_software_dc_10003_swagger.v3.json`,
};
const JIRA_DATE_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,9})?(Z|[+-]\d\d:?\d\d)$/;

// ajv-formats ships CommonJS; under NodeNext its default export arrives wrapped.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as unknown as (ajv: Ajv) => Ajv;

interface LoadedSpec {
  doc: OpenApiDocument;
  ajv: Ajv;
  templates: { template: string; segments: string[] }[];
  validators: Map<string, ValidateFunction>;
}

const loaded = new Map<SpecFlavor, LoadedSpec>();

/**
 * Checks one reply: picks the operation by path template + method, the response by status, and validates
 * `body` (parsed JSON; `undefined` or `''` for an empty body) against its JSON schema. `path` is the request
 * path after any context path, starting with `/rest`; a query string is ignored.
 */
export function validateResponse(
  flavor: SpecFlavor,
  method: string,
  path: string,
  status: number,
  body: unknown,
): ValidationResult {
  const spec = load(flavor);
  const specPath = toSpecPath(flavor, path.split('?')[0] ?? path);
  const template = findTemplate(spec, specPath);
  if (!template) return fail(`no operation in the ${flavor} spec matches ${specPath}`);
  const lower = method.toLowerCase();
  const operation = spec.doc.paths[template]?.[lower] as Record<string, unknown> | undefined;
  if (!operation) return fail(`${method} is not an operation of ${template}`);
  const responses = (operation.responses ?? {}) as Record<string, Record<string, unknown>>;
  const key = String(status) in responses ? String(status) : 'default' in responses ? 'default' : undefined;
  if (key === undefined) return fail(`${method} ${template} documents no ${status} response`);
  const content = responses[key]?.content as Record<string, { schema?: unknown }> | undefined;
  const schema = content?.['application/json']?.schema ?? content?.['*/*']?.schema;
  const empty = body === undefined || body === null || body === '';
  if (schema === undefined) {
    return empty ? { ok: true, errors: '' } : fail(`${method} ${template} ${status} documents no body`);
  }
  const cacheKey = `${lower} ${template} ${key}`;
  let validate = spec.validators.get(cacheKey);
  if (!validate) {
    validate = spec.ajv.compile(rebase(schema, flavor));
    spec.validators.set(cacheKey, validate);
  }
  return run(validate, body);
}

/** Validates a value against a named component schema (e.g. `UserDetails`, `StatusJsonBean`). */
export function validateSchema(flavor: SpecFlavor, schemaName: string, value: unknown): ValidationResult {
  const spec = load(flavor);
  if (!(schemaName in spec.doc.components.schemas))
    return fail(`the ${flavor} spec has no schema ${schemaName}`);
  const cacheKey = `#${schemaName}`;
  let validate = spec.validators.get(cacheKey);
  if (!validate) {
    validate = spec.ajv.compile({ $ref: `${flavor}.json#/components/schemas/${schemaName}` });
    spec.validators.set(cacheKey, validate);
  }
  return run(validate, value);
}

function load(flavor: SpecFlavor): LoadedSpec {
  const cached = loaded.get(flavor);
  if (cached) return cached;
  const doc = JSON.parse(readFileSync(SPEC_FILES[flavor], 'utf8')) as OpenApiDocument;
  for (const patch of SPEC_PATCHES) if (patch.flavor === flavor) patch.apply(doc);
  const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false, logger: false });
  addFormats(ajv);
  ajv.addFormat('date-time', JIRA_DATE_TIME);
  // Only the components are registered: response schemas reference them and compile on first use.
  ajv.addSchema({ $id: `${flavor}.json`, components: doc.components });
  const templates = Object.keys(doc.paths).map((template) => ({ template, segments: template.split('/') }));
  const spec: LoadedSpec = { doc, ajv, templates, validators: new Map() };
  loaded.set(flavor, spec);
  return spec;
}

function toSpecPath(flavor: SpecFlavor, path: string): string {
  if (flavor === 'cloud') return path.replace(/^\/rest\/api\/(2|latest)\//, '/rest/api/3/');
  return path.replace(/^\/rest\//, '/').replace(/^\/api\/latest\//, '/api/2/');
}

/** The template matching `path` with the most literal segments (`/search/jql` beats `/search/{id}`). */
function findTemplate(spec: LoadedSpec, path: string): string | undefined {
  const parts = path.split('/');
  let best: { template: string; score: number } | undefined;
  for (const { template, segments } of spec.templates) {
    if (segments.length !== parts.length) continue;
    let score = 0;
    let matches = true;
    for (let i = 0; i < segments.length && matches; i += 1) {
      const segment = segments[i] ?? '';
      if (segment.startsWith('{') && segment.endsWith('}')) matches = (parts[i] ?? '') !== '';
      else if (segment === parts[i]) score += 1;
      else matches = false;
    }
    if (matches && (!best || score > best.score)) best = { template, score };
  }
  return best?.template;
}

/** Points the document-relative `#/components/...` references of an inline schema at the registered copy. */
function rebase(schema: unknown, flavor: SpecFlavor): object {
  return JSON.parse(
    JSON.stringify(schema).replaceAll('"#/components/', `"${flavor}.json#/components/`),
  ) as object;
}

function run(validate: ValidateFunction, value: unknown): ValidationResult {
  if (validate(value)) return { ok: true, errors: '' };
  const errors = (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`);
  return fail(errors.join('\n'));
}

function fail(errors: string): ValidationResult {
  return { ok: false, errors };
}
