import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type Clause, JqlError, parseJql, printJql } from '../../../src/sandbox/jql/index.js';

const OPS =
  "The valid operators are '=', '!=', '<', '>', '<=', '>=', '~', '!~', 'IN', 'NOT IN', 'IS' and 'IS NOT'.";

function parseError(jql: string): string {
  try {
    parseJql(jql);
  } catch (error) {
    assert.ok(error instanceof JqlError, `not a JqlError: ${String(error)}`);
    return error.errorMessages.join('\n');
  }
  assert.fail(`no error for ${JSON.stringify(jql)}`);
}

/** A compact picture of the tree: terminals as their field name, groups as nested arrays. */
function shape(clause: Clause | null): unknown {
  if (!clause) return null;
  switch (clause.kind) {
    case 'terminal':
      if (clause.field.kind === 'property') return `property:${clause.field.key}:${clause.field.path}`;
      return clause.field.kind === 'name' ? clause.field.name : `cf${clause.field.id}`;
    case 'not':
      return ['NOT', shape(clause.clause)];
    default:
      return [clause.kind.toUpperCase(), ...clause.clauses.map(shape)];
  }
}

describe('parser structure', () => {
  it('gives NOT precedence over AND, and AND over OR', () => {
    assert.deepEqual(shape(parseJql('a = 1 OR b = 2 AND NOT c = 3 OR d = 4').where), [
      'OR',
      'a',
      ['AND', 'b', ['NOT', 'c']],
      'd',
    ]);
  });

  it('groups with parentheses and keeps explicit groups as their own nodes', () => {
    assert.deepEqual(shape(parseJql('(a = 1 OR b = 2) AND c = 3').where), ['AND', ['OR', 'a', 'b'], 'c']);
    assert.deepEqual(shape(parseJql('(a = 1 AND b = 2) AND c = 3').where), ['AND', ['AND', 'a', 'b'], 'c']);
  });

  it('accepts the symbolic forms of AND, OR and NOT', () => {
    assert.deepEqual(shape(parseJql('!a = 1 && b = 2 || c = 3 | d = 4 & e = 5').where), [
      'OR',
      ['AND', ['NOT', 'a'], 'b'],
      'c',
      ['AND', 'd', 'e'],
    ]);
  });

  it('reads operands: strings, numbers, EMPTY/NULL, functions and nested lists', () => {
    const query = parseJql('x in ("a b", 12, EMPTY, null, f(), g(1, "two"), (c, d))');
    const clause = query.where;
    assert.equal(clause?.kind, 'terminal');
    assert.deepEqual(clause?.kind === 'terminal' ? clause.operand : null, {
      kind: 'list',
      items: [
        { kind: 'string', value: 'a b' },
        { kind: 'number', value: '12' },
        { kind: 'empty' },
        { kind: 'empty' },
        { kind: 'function', name: 'f', args: [] },
        { kind: 'function', name: 'g', args: ['1', 'two'] },
        {
          kind: 'list',
          items: [
            { kind: 'string', value: 'c' },
            { kind: 'string', value: 'd' },
          ],
        },
      ],
    });
  });

  it('reads every operator', () => {
    const ops = [
      ['a = 1', '='],
      ['a != 1', '!='],
      ['a ~ 1', '~'],
      ['a !~ 1', '!~'],
      ['a < 1', '<'],
      ['a <= 1', '<='],
      ['a > 1', '>'],
      ['a >= 1', '>='],
      ['a IN (1)', 'in'],
      ['a NOT IN (1)', 'not in'],
      ['a IS EMPTY', 'is'],
      ['a IS NOT EMPTY', 'is not'],
      ['a WAS 1', 'was'],
      ['a WAS NOT 1', 'was not'],
      ['a WAS IN (1)', 'was in'],
      ['a WAS NOT IN (1)', 'was not in'],
      ['a CHANGED', 'changed'],
    ] as const;
    for (const [jql, op] of ops) {
      const where = parseJql(jql).where;
      assert.equal(where?.kind === 'terminal' ? where.operator : null, op, jql);
    }
  });

  it('reads cf[NNNNN] fields and quoted field names', () => {
    const where = parseJql('cf[10010] > 3 AND "Story Points" = 5').where;
    assert.equal(where?.kind, 'and');
    if (where?.kind !== 'and') return;
    assert.deepEqual(
      where.clauses.map((c) => (c.kind === 'terminal' ? c.field : null)),
      [
        { kind: 'cf', id: '10010' },
        { kind: 'name', name: 'Story Points' },
      ],
    );
  });

  it('reads ORDER BY lists with and without directions', () => {
    assert.deepEqual(parseJql('project = X ORDER BY priority DESC, key, cf[1] asc').orderBy, [
      { field: { kind: 'name', name: 'priority' }, direction: 'desc' },
      { field: { kind: 'name', name: 'key' }, direction: null },
      { field: { kind: 'cf', id: '1' }, direction: 'asc' },
    ]);
    assert.deepEqual(parseJql('order by created').where, null);
  });

  it('reads history predicates', () => {
    const where = parseJql('status CHANGED FROM "To Do" TO Done BY alice DURING ("2026-01-01", now())').where;
    assert.deepEqual(where?.kind === 'terminal' ? where.predicates?.map((p) => p.name) : null, [
      'from',
      'to',
      'by',
      'during',
    ]);
  });

  it('parses empty and blank queries to nothing', () => {
    assert.deepEqual(parseJql(''), { where: null, orderBy: [] });
    assert.deepEqual(parseJql('  \n\t '), { where: null, orderBy: [] });
  });
});

describe('printer', () => {
  it('prints canonical text', () => {
    assert.equal(
      printJql(
        parseJql(
          "project=demo and (status='In Progress' or assignee in (currentUser(), EMPTY)) order by key",
        ),
      ),
      'project = demo AND (status = "In Progress" OR assignee IN (currentUser(), EMPTY)) ORDER BY key',
    );
  });

  it('quotes what would not read back the same: keywords, reserved words, numbers kept as strings', () => {
    assert.equal(
      printJql(parseJql('"and" = "select" AND "cf" = "12" AND x ~ "a\\"b\\nc" AND y = 12')),
      '"and" = "select" AND "cf" = "12" AND x ~ "a\\"b\\nc" AND y = 12',
    );
  });

  it('round-trips predicates and negation', () => {
    const text = 'NOT status WAS IN (Open, Done) BY alice AFTER -2w AND NOT (a = b OR NOT c = d)';
    assert.equal(printJql(parseJql(text)), text);
  });
});

describe('parser errors (Jira texts and positions)', () => {
  const cases: [string, string][] = [
    ['a =b order', "Expecting 'by' before the end of the query."],
    ['a =b order summary', "Expecting 'by' but got 'summary'. (line 1, character 12)"],
    ['a =b order by', 'Expecting a field name at the end of the query.'],
    [
      'a =b order by asc',
      "Expecting a field name but got 'asc'. You must surround 'asc' in quotation marks to use it as a field name. (line 1, character 15)",
    ],
    ['a =b order by ajsks blah', "Expecting either 'ASC' or 'DESC' but got 'blah'. (line 1, character 21)"],
    ['a =b order by "" desc', 'A field name cannot be empty. (line 1, character 15)'],
    ["'' = c", 'A field name cannot be empty. (line 1, character 1)'],
    ["a = ''()", 'A function name cannot be empty. (line 1, character 5)'],
    ['a = ""()', 'A function name cannot be empty. (line 1, character 5)'],
    ['a', `Expecting operator before the end of the query. ${OPS}`],
    ['a blah >', `Expecting operator but got 'blah'. ${OPS} (line 1, character 3)`],
    ['a =a and j not is empty', "Expecting 'IN' but got 'is'. (line 1, character 16)"],
    ['a =a and j is ! empty', "Expecting 'NOT' but got '!'. (line 1, character 15)"],
    ['cf', "Expecting '[' before the end of the query."],
    ['a = b and not (cf = 6)', "Expecting '[' but got '='. (line 1, character 19)"],
    ['cf[', 'Expecting a custom field id (a positive number) before the end of the query.'],
    ['cf[ = 9', "Expecting a custom field id (a positive number) but got '='. (line 1, character 5)"],
    ['cf[] = 1', "Expecting a custom field id (a positive number) but got ']'. (line 1, character 4)"],
    [
      'cf[29829k] = ',
      "Expecting a custom field id (a positive number) but got '29829k'. (line 1, character 4)",
    ],
    [
      'cf[-29829] = ',
      "Expecting a custom field id (a positive number) but got '-29829'. (line 1, character 4)",
    ],
    ['cf[29829 = world', "Expecting ']' but got '='. (line 1, character 10)"],
    ['cf[29829', "Expecting ']' before the end of the query."],
    [
      'cf[1002020202002020202020202020020202822]=a',
      "'1002020202002020202020202020020202822' is not a valid number. Numbers must be between -9,223,372,036,854,775,808 and 9,223,372,036,854,775,807. (line 1, character 4)",
    ],
    ['a = func(', "Expecting ')' before the end of the query."],
    ['a = func(, and not (a = x)', "Expecting ')' but got ','. (line 1, character 10)"],
    ['b=func(bad', "Expecting ')' before the end of the query."],
    ['bas=func(bad,)', 'Function argument must be specified. (line 1, character 14)'],
    ['bas=func(bad,', 'Expecting a function argument at the end of the query.'],
    [
      'k = func(!',
      "Expecting a function argument but got '!'. You must surround '!' in quotation marks to use it as an argument. (line 1, character 10)",
    ],
    ['k = func(abc, jk!)', "Expecting ')' or ',' but got '!'. (line 1, character 17)"],
    ['(a=b and c = d', "Expecting ')' before the end of the query."],
    ['a=b or (c=d and not l ~ kate', "Expecting ')' before the end of the query."],
    ['b in ((12, (288)', "Expecting ')' before the end of the query."],
    ['abc IN ((foo) abc = a', "Expecting ')' but got 'abc'. (line 1, character 15)"],
    ['a=', 'Expecting either a value, list or function before the end of the query.'],
    [
      'a=!',
      "Expecting either a value, list or function but got '!'. You must surround '!' in quotation marks to use it as a value. (line 1, character 3)",
    ],
    ['a=b c=d', "Expecting either 'OR' or 'AND' but got 'c'. (line 1, character 5)"],
    ['a=b !c=d', "Expecting either 'OR' or 'AND' but got '!'. (line 1, character 5)"],
    ['a=(a,', 'Expecting either a value, list or function before the end of the query.'],
    [
      'a=(a,(,bad))',
      "Expecting either a value, list or function but got ','. You must surround ',' in quotation marks to use it as a value. (line 1, character 7)",
    ],
    ['a = ((c,d), d, e, f, yyy) and', 'Expecting a field name at the end of the query.'],
    ['comment !~ "brenden" and', 'Expecting a field name at the end of the query.'],
    [
      'comment !~ "brenden" jack = jill',
      "Expecting either 'OR' or 'AND' but got 'jack'. (line 1, character 22)",
    ],
    [
      'comment !~ "brenden" and cf[1000] = jill order by a desc b',
      "Expecting ',' but got 'b'. (line 1, character 58)",
    ],
    [
      ', a = b',
      "Expecting a field name but got ','. You must surround ',' in quotation marks to use it as a field name. (line 1, character 1)",
    ],
    ['order by a desc d', "Expecting ',' but got 'd'. (line 1, character 17)"],
    ['[brenden] = a', "Expecting a field name but got '['. Did you mean 'cf['? (line 1, character 1)"],
    [
      'a = brenden and [78] = q',
      "Expecting a field name but got '['. Did you mean 'cf['? (line 1, character 17)",
    ],
    ['a was', 'Expecting either a value, list or function before the end of the query.'],
    ['a not was "Open"', "Expecting 'IN' but got 'was'. (line 1, character 7)"],
    ['(a = b) )', "Expecting either 'OR' or 'AND' but got ')'. (line 1, character 9)"],
    ['summary ~ bad and \n\\ ~ cool', 'A field name cannot be empty. (line 2, character 1)'],
    ['a = \\ \n()', 'A function name cannot be empty. (line 1, character 5)'],
  ];
  for (const [jql, message] of cases) {
    it(jql.replaceAll('\n', '\\n'), () => {
      assert.equal(parseError(jql), `Error in the JQL Query: ${message}`);
    });
  }

  it('refuses nesting deep enough to threaten the stack, with a syntax error', () => {
    const deep = 20_000;
    for (const jql of [
      `${'('.repeat(deep)}a = b${')'.repeat(deep)}`,
      `${'NOT '.repeat(deep)}a = b`,
      `a in ${'('.repeat(deep)}x${')'.repeat(deep)}`,
    ]) {
      assert.match(
        parseError(jql),
        /^Error in the JQL Query: The query is nested too deeply\. \(line 1, character \d+\)$/,
      );
    }
    assert.doesNotThrow(() => parseJql(`${'('.repeat(150)}a = b${')'.repeat(150)}`));
  });

  it('refuses every reserved word as a bare value, at its position', () => {
    for (const word of [
      'select',
      'where',
      'for',
      'do',
      'next',
      'raise',
      'execute',
      'when',
      'connect',
      'true',
    ]) {
      assert.equal(
        parseError(`summary ~ ${word}`),
        `Error in the JQL Query: '${word}' is a reserved JQL word. You must surround it in quotation marks to use it in a query. (line 1, character 11)`,
      );
    }
    assert.doesNotThrow(() => parseJql('summary ~ "select" AND project = "DO"'));
  });
});
