/**
 * Values a user (or a script gone wrong) may pass anywhere: Unicode, control characters, huge strings, option
 * look-alikes, negative and absurd numbers, broken JSON, paths that go up, JQL and keys of every shape.
 */
import fc from 'fast-check';

const TRICKY = [
  '',
  ' ',
  '-',
  '--',
  '-1',
  '-0',
  '0',
  '1e309',
  'NaN',
  'Infinity',
  '=',
  '==',
  '--json',
  '--no-such-option',
  '-x',
  'DEMO-1',
  'DEMO-0',
  'DEMO-99999999999999999999',
  'demo-1',
  'A-1',
  '10001',
  'project = DEMO',
  'key in (DEMO-1, DEMO-2)',
  'summary ~ "\\"',
  'ORDER BY',
  '((((',
  '../../../../etc/passwd',
  '/dev/null',
  '/',
  '.',
  'http://',
  'https://[::1',
  '%00',
  '%',
  '%%',
  '\\',
  '{}',
  '[]',
  'null',
  '{"a":',
  '{"fields":{"summary":1}}',
  "'",
  '"',
  '`rm -rf /`',
  '$(id)',
  'a=b',
  'Authorization: Bearer x',
  'summary=',
  '=value',
  '2026-02-30',
  '9999-99-99T99:99',
  '1w 2d 3h 4m',
  '-5m',
  'GET',
  'POST',
  'DELETE',
  '/rest/api/2/myself',
  '/rest/api/2/../../../x',
  'table',
  'json',
  'ndjson',
  'csv',
];

const CONTROL = fc
  .array(fc.integer({ min: 1, max: 31 }), { minLength: 1, maxLength: 8 })
  .map((codes) => String.fromCharCode(...codes));

const HUGE = fc
  .tuple(
    fc.constantFrom('x', 'é', '😀', 'DEMO-1,', '-', '%', '\u202e'),
    fc.integer({ min: 2_000, max: 30_000 }),
  )
  .map(([unit, times]) => unit.repeat(times).slice(0, 60_000));

/** One hostile value (never contains NUL, which no process argument can carry). */
export const hostileValue: fc.Arbitrary<string> = fc
  .oneof(
    { weight: 4, arbitrary: fc.constantFrom(...TRICKY) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 24 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 16 }) },
    { weight: 1, arbitrary: CONTROL },
    { weight: 1, arbitrary: fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }).map(String) },
    { weight: 1, arbitrary: fc.double().map(String) },
    { weight: 1, arbitrary: HUGE },
  )
  .map((value) => value.replaceAll('\0', ''));
