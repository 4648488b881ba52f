import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';

// Atlassian's published ADF JSON schema (draft-04). It uses no draft-04-only keywords, so Ajv's default
// dialect validates it once the $schema line is removed.
const require = createRequire(import.meta.url);
const schemaPath = require.resolve('@atlaskit/adf-schema/dist/json-schema/v1/full.json');

let validator: ValidateFunction | undefined;

function validate(): ValidateFunction {
  if (validator) return validator;
  const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as Record<string, unknown>;
  delete schema.$schema;
  validator = new Ajv({ strict: false, allErrors: false }).compile(schema);
  return validator;
}

/** Assert that a document validates against the ADF schema, showing the first errors when not. */
export function assertValidAdf(doc: unknown, context = ''): void {
  const check = validate();
  if (check(doc)) return;
  const errors = (check.errors ?? []).slice(0, 5).map((error) => `${error.instancePath} ${error.message}`);
  assert.fail(
    `ADF does not match the schema${context ? ` (${context})` : ''}: ${errors.join('; ')}\n${JSON.stringify(doc)}`,
  );
}

/** True when a document validates against the ADF schema. */
export function isValidAdf(doc: unknown): boolean {
  return validate()(doc) === true;
}
