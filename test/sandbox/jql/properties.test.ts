import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  type Clause,
  type FieldRef,
  type HistoryPredicate,
  JqlError,
  type JqlQuery,
  type Operand,
  type Operator,
  parseJql,
  printJql,
  searchIssues,
  type TerminalClause,
} from '../../../src/sandbox/jql/index.js';
import { context, ISSUES, keySet } from './fixtures.js';

const OPERATORS: Operator[] = [
  '=',
  '!=',
  '~',
  '!~',
  '<',
  '<=',
  '>',
  '>=',
  'in',
  'not in',
  'is',
  'is not',
  'was',
  'was not',
  'was in',
  'was not in',
  'changed',
];
const LONG = { min: -(2n ** 63n), max: 2n ** 63n - 1n };
/** Plain objects, so that they deep-equal what the parser builds. */
const PLAIN = { noNullPrototype: true } as const;

const text = fc.string({ unit: 'binary', maxLength: 10 });
const name = text.filter((s) => s.trim() !== '');
const fieldRef: fc.Arbitrary<FieldRef> = fc.oneof(
  name.map((n): FieldRef => ({ kind: 'name', name: n })),
  fc.bigInt({ min: 0n, max: LONG.max }).map((id): FieldRef => ({ kind: 'cf', id: String(id) })),
);

const { operand } = fc.letrec<{ operand: Operand }>((tie) => ({
  operand: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text.map((value): Operand => ({ kind: 'string', value })),
    fc.bigInt(LONG).map((n): Operand => ({ kind: 'number', value: String(n) })),
    fc.constant<Operand>({ kind: 'empty' }),
    fc
      .record({ name, args: fc.array(text, { maxLength: 3 }) }, PLAIN)
      .map((f): Operand => ({ kind: 'function', ...f })),
    fc
      .array(tie('operand'), { minLength: 1, maxLength: 3 })
      .map((items): Operand => ({ kind: 'list', items })),
  ),
}));

const predicate: fc.Arbitrary<HistoryPredicate> = fc.record(
  { name: fc.constantFrom('by', 'after', 'before', 'on', 'during', 'from', 'to'), operand },
  PLAIN,
);

const terminal: fc.Arbitrary<TerminalClause> = fc
  .record(
    {
      field: fieldRef,
      operator: fc.constantFrom(...OPERATORS),
      operand,
      predicates: fc.array(predicate, { maxLength: 2 }),
    },
    PLAIN,
  )
  .map(({ field, operator, operand: value, predicates }) => {
    const clause: TerminalClause = {
      kind: 'terminal',
      field,
      operator,
      operand: operator === 'changed' ? null : value,
    };
    if (predicates.length > 0) clause.predicates = predicates;
    return clause;
  });

const { clause } = fc.letrec<{ clause: Clause }>((tie) => ({
  clause: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    terminal,
    fc
      .array(tie('clause'), { minLength: 2, maxLength: 3 })
      .map((clauses): Clause => ({ kind: 'and', clauses })),
    fc
      .array(tie('clause'), { minLength: 2, maxLength: 3 })
      .map((clauses): Clause => ({ kind: 'or', clauses })),
    tie('clause').map((inner): Clause => ({ kind: 'not', clause: inner })),
  ),
}));

const orderItem = fc.record(
  { field: fieldRef, direction: fc.constantFrom('asc' as const, 'desc' as const, null) },
  PLAIN,
);
const query: fc.Arbitrary<JqlQuery> = fc.record(
  { where: fc.option(clause, { nil: null }), orderBy: fc.array(orderItem, { maxLength: 3 }) },
  PLAIN,
);

/** Fails the property when anything but a JqlError escapes. */
function onlyJqlErrors(run: () => unknown): void {
  try {
    run();
  } catch (error) {
    if (!(error instanceof JqlError)) throw error;
    assert.ok(error.errorMessages.length > 0);
  }
}

const JQL_PIECES = [
  'project',
  'status',
  'assignee',
  'created',
  'due',
  'summary',
  'text',
  'labels',
  'key',
  'cf',
  'priority',
  'foo',
  '=',
  '!=',
  '~',
  '!~',
  '<',
  '>=',
  'in',
  'not',
  'is',
  'empty',
  'null',
  'and',
  'or',
  '&&',
  '||',
  '!',
  'was',
  'changed',
  'by',
  'after',
  'during',
  'order',
  'by',
  'asc',
  'desc',
  '(',
  ')',
  ',',
  '[',
  ']',
  '"x y"',
  "'q'",
  '"',
  "'",
  '\\',
  '\\u00',
  'DEMO',
  'DEMO-2',
  '10001',
  '-7d',
  '2026-01-05',
  'now()',
  'currentUser()',
  'startOfDay(-1)',
  'membersOf(x)',
  'bogus()',
  'select',
  '#',
  '*',
  '\u0001',
  '\n',
  ' ',
];
const jqlish = fc.array(fc.constantFrom(...JQL_PIECES), { maxLength: 14 }).map((parts) => parts.join(' '));

const FIELD_NAMES = [
  'project',
  'key',
  'id',
  'parent',
  'summary',
  'description',
  'text',
  'comment',
  'status',
  'statusCategory',
  'priority',
  'assignee',
  'reporter',
  'creator',
  'labels',
  'type',
  'created',
  'updated',
  'resolved',
  'due',
  'resolution',
  'component',
  'fixVersion',
  'cf[10010]',
  'customfield_10020',
  'cf[999]',
];
const VALUES = [
  'DEMO',
  '"Demo Project"',
  'alice',
  '"Bob Baker"',
  'DEMO-2',
  'OPS-9',
  '10001',
  'Done',
  '"In Progress"',
  'High',
  'Unresolved',
  'backend',
  'API',
  '1.1',
  '2026-01-05',
  '"2026/01/05 10:00"',
  '-7d',
  '"4w 2d"',
  'EMPTY',
  'login',
  '"sso*"',
  '""',
  'currentUser()',
  'now()',
  'startOfWeek(-1)',
  'endOfMonth("+1M")',
  'membersOf(developers)',
  'standardIssueTypes()',
  'bogus()',
  '(alice, EMPTY)',
  '(Done, "To Do")',
  '(DEMO-1, 10007)',
  '5',
];
const meaningful = fc
  .record(
    {
      field: fc.constantFrom(...FIELD_NAMES),
      operator: fc.constantFrom(...OPERATORS),
      value: fc.constantFrom(...VALUES),
      predicate: fc.option(
        fc.constantFrom('BY alice', 'AFTER -1w', 'DURING (2026-01-01, now())', 'FROM Done'),
        {
          nil: '',
        },
      ),
    },
    PLAIN,
  )
  .map(({ field, operator, value, predicate }) =>
    `${field} ${operator.toUpperCase()} ${operator === 'changed' ? '' : value} ${predicate}`.trim(),
  );
const meaningfulQuery = fc
  .tuple(fc.array(meaningful, { minLength: 1, maxLength: 3 }), fc.constantFrom(' AND ', ' OR ', ' AND NOT '))
  .map(([parts, joiner]) => parts.join(joiner));

describe('JQL properties', () => {
  it('parse(print(q)) equals q for generated syntax trees', () => {
    fc.assert(
      fc.property(query, (q) => {
        assert.deepEqual(parseJql(printJql(q)), q);
      }),
      { numRuns: 400 },
    );
  });

  it('printing is stable: print(parse(print(q))) equals print(q)', () => {
    fc.assert(
      fc.property(query, (q) => {
        const once = printJql(q);
        assert.equal(printJql(parseJql(once)), once);
      }),
      { numRuns: 200 },
    );
  });

  it('the lexer and parser throw nothing but JqlError on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => onlyJqlErrors(() => parseJql(s))),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(jqlish, (s) => onlyJqlErrors(() => parseJql(s))),
      { numRuns: 500 },
    );
  });

  it('searching throws nothing but JqlError on arbitrary JQL-like text and generated trees', () => {
    const ctx = context();
    fc.assert(
      fc.property(jqlish, (s) => onlyJqlErrors(() => searchIssues(ISSUES, s, ctx))),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(query, (q) => onlyJqlErrors(() => searchIssues(ISSUES, printJql(q), ctx))),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(meaningfulQuery, (q) => onlyJqlErrors(() => searchIssues(ISSUES, q, ctx))),
      { numRuns: 1000 },
    );
  });
});

/** Valid clauses over the fixtures, one per field and operator family. */
const VALID_CLAUSES = [
  'project = DEMO',
  'project in (OPS, "Demo Project")',
  'status = "In Progress"',
  'statusCategory != done',
  'assignee = currentUser()',
  'assignee is EMPTY',
  'reporter in membersOf(developers)',
  'priority > Medium',
  'priority is not empty',
  'resolution = Unresolved',
  'labels = backend',
  'labels not in (frontend, EMPTY)',
  'component != API',
  'fixVersion >= 1.1',
  'summary ~ login',
  'summary !~ "sso"',
  'text ~ "disk OR release"',
  'comment ~ "test*"',
  'description is not empty',
  'created >= -7d',
  'created = "2026-01-05"',
  'updated < startOfDay()',
  'resolved <= "2026/01/05 12:00"',
  'due <= endOfWeek()',
  'due is empty',
  'cf[10010] > 4',
  'customfield_10020 = Red',
  'status was "In Progress"',
  'status changed to Done after "2026-01-03"',
  'assignee was not in (alice) before now()',
  'key > DEMO-2',
  'issuekey in (DEMO-1, OPS-2)',
  'parent is empty',
  'issuetype in standardIssueTypes()',
];
const terminals = VALID_CLAUSES.map((c) => {
  const where = parseJql(c).where;
  assert.ok(where);
  return where;
});

const { valid } = fc.letrec<{ valid: Clause }>((tie) => ({
  valid: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...terminals),
    fc
      .array(tie('valid'), { minLength: 2, maxLength: 3 })
      .map((clauses): Clause => ({ kind: 'and', clauses })),
    fc
      .array(tie('valid'), { minLength: 2, maxLength: 3 })
      .map((clauses): Clause => ({ kind: 'or', clauses })),
    tie('valid').map((inner): Clause => ({ kind: 'not', clause: inner })),
  ),
}));

const ALL = ISSUES.map((i) => i.key).sort();
const matching = (where: Clause) => keySet(printJql({ where, orderBy: [] }));

describe('JQL evaluation properties', () => {
  it('every template clause is valid on the fixtures', () => {
    for (const jql of VALID_CLAUSES) assert.doesNotThrow(() => keySet(jql), jql);
  });

  it('NOT q matches exactly the complement of q', () => {
    fc.assert(
      fc.property(valid, (q) => {
        const yes = matching(q);
        const no = matching({ kind: 'not', clause: q });
        assert.deepEqual([...yes, ...no].sort(), ALL);
      }),
      { numRuns: 300 },
    );
  });

  it('AND is the intersection and OR the union of their parts', () => {
    fc.assert(
      fc.property(valid, valid, (a, b) => {
        const [ra, rb] = [new Set(matching(a)), new Set(matching(b))];
        assert.deepEqual(
          matching({ kind: 'and', clauses: [a, b] }),
          ALL.filter((k) => ra.has(k) && rb.has(k)),
        );
        assert.deepEqual(
          matching({ kind: 'or', clauses: [a, b] }),
          ALL.filter((k) => ra.has(k) || rb.has(k)),
        );
      }),
      { numRuns: 200 },
    );
  });
});
