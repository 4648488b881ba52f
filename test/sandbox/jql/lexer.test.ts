import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { JqlError } from '../../../src/sandbox/jql/errors.js';
import { tokenize } from '../../../src/sandbox/jql/lexer.js';

const VALID_ESCAPES = "The valid escape sequences are \\', \\\", \\t, \\n, \\r, \\\\, '\\ ' and \\uXXXX.";

function lexError(jql: string): string {
  try {
    tokenize(jql);
  } catch (error) {
    assert.ok(error instanceof JqlError);
    assert.equal(error.errorMessages.length, 1);
    return error.errorMessages[0] ?? '';
  }
  assert.fail(`no error for ${JSON.stringify(jql)}`);
}

const brief = (jql: string) => tokenize(jql).map((t) => [t.type, t.value, t.line, t.character]);

describe('lexer tokens', () => {
  it('reads words, operators, keywords and positions', () => {
    assert.deepEqual(brief('project = DEMO AND status != "In Progress"'), [
      ['word', 'project', 1, 1],
      ['symbol', '=', 1, 9],
      ['word', 'DEMO', 1, 11],
      ['keyword', 'and', 1, 16],
      ['word', 'status', 1, 20],
      ['symbol', '!=', 1, 27],
      ['quoted', 'In Progress', 1, 30],
      ['eof', '', 1, 43],
    ]);
  });

  it('counts lines and characters across line breaks, \\r\\n included', () => {
    assert.deepEqual(brief('a = b\r\nAND\n  c ~ d').slice(3, 5), [
      ['keyword', 'and', 2, 1],
      ['word', 'c', 3, 3],
    ]);
  });

  it('reads every operator symbol, including the doubled AND/OR forms', () => {
    const symbols = tokenize('= != ~ !~ < <= > >= ( ) , [ ] ! && || & |').map((t) => t.value);
    assert.deepEqual(symbols, [
      '=',
      '!=',
      '~',
      '!~',
      '<',
      '<=',
      '>',
      '>=',
      '(',
      ')',
      ',',
      '[',
      ']',
      '!',
      '&&',
      '||',
      '&',
      '|',
      '',
    ]);
  });

  it('treats keywords case-insensitively and numbers as their own kind', () => {
    assert.deepEqual(
      tokenize('Order bY Asc -42 7d -7d').map((t) => [t.type, t.value]),
      [
        ['keyword', 'order'],
        ['keyword', 'by'],
        ['keyword', 'asc'],
        ['number', '-42'],
        ['word', '7d'],
        ['word', '-7d'],
        ['eof', ''],
      ],
    );
  });

  it('decodes escapes in quoted and bare strings', () => {
    const [quoted, bare] = tokenize(`'it\\'s a \\"q\\" \\t\\n\\\\' a\\u0023b\\ c`);
    assert.equal(quoted?.value, 'it\'s a "q" \t\n\\');
    assert.equal(bare?.type, 'word');
    assert.equal(bare?.value, 'a#b c');
  });

  it('keeps single quotes inside double quotes and the reverse', () => {
    assert.deepEqual(
      tokenize(`"it's" 'say "hi"'`).map((t) => t.value),
      ["it's", 'say "hi"', ''],
    );
  });

  it('does not read an escaped keyword as a keyword', () => {
    const [token] = tokenize('\\u0061nd');
    assert.equal(token?.type, 'word');
    assert.equal(token?.value, 'and');
  });
});

describe('lexer errors (Jira texts)', () => {
  it('reports unfinished quoted strings at the opening quote', () => {
    assert.equal(
      lexError("comment ~ 'test"),
      "Error in the JQL Query: The quoted string 'test' has not been completed. (line 1, character 11)",
    );
    assert.equal(
      lexError("comment ~ 'test\n"),
      "Error in the JQL Query: The quoted string 'test ' has not been completed. (line 1, character 11)",
    );
    assert.equal(
      lexError('priority="test\nword'),
      "Error in the JQL Query: The quoted string 'test word' has not been completed. (line 1, character 10)",
    );
    assert.equal(
      lexError("comment ~ '"),
      'Error in the JQL Query: The quoted string has not been completed. (line 1, character 11)',
    );
  });

  it('reports illegal and unfinished escapes at the backslash', () => {
    assert.equal(
      lexError("comme\\unt ~ 'test"),
      `Error in the JQL Query: '\\un' is an illegal JQL escape sequence. ${VALID_ESCAPES} (line 1, character 6)`,
    );
    assert.equal(
      lexError('status =\n\n\n\n\n\n \\c'),
      `Error in the JQL Query: '\\c' is an illegal JQL escape sequence. ${VALID_ESCAPES} (line 7, character 2)`,
    );
    assert.equal(
      lexError('status =\n\n\n\n\\'),
      `Error in the JQL Query: The escape sequence has not been completed. ${VALID_ESCAPES} (line 5, character 1)`,
    );
    assert.equal(
      lexError('status =\n\n\n\n\\u'),
      `Error in the JQL Query: '\\u' is an illegal JQL escape sequence. ${VALID_ESCAPES} (line 5, character 1)`,
    );
    assert.equal(
      lexError("status =\n\n\n\n'\\u'"),
      `Error in the JQL Query: '\\u'' is an illegal JQL escape sequence. ${VALID_ESCAPES} (line 5, character 2)`,
    );
  });

  it('reports reserved characters with their escape', () => {
    assert.equal(
      lexError('mine{www = qwwr'),
      "Error in the JQL Query: The character '{' is a reserved JQL character. You must enclose it in a string or use the escape '\\u007b' instead. (line 1, character 5)",
    );
    assert.equal(
      lexError('minewww# = qwwr'),
      "Error in the JQL Query: The character '#' is a reserved JQL character. You must enclose it in a string or use the escape '\\u0023' instead. (line 1, character 8)",
    );
    assert.equal(
      lexError('minewww = qwwr}'),
      "Error in the JQL Query: The character '}' is a reserved JQL character. You must enclose it in a string or use the escape '\\u007d' instead. (line 1, character 15)",
    );
  });

  it('accepts reserved characters inside quotes', () => {
    assert.equal(tokenize('summary ~ "win*"')[2]?.value, 'win*');
  });

  it('reports control characters, even inside quotes', () => {
    assert.equal(
      lexError('minewww =\u007fqwwr'),
      "Error in the JQL Query: The character 'U+007F' on line 1 at position 10 must be escaped. Use the escape '\\u007f' instead. (line 1, character 10)",
    );
    assert.equal(
      lexError('mqwwr="\u007f this is broken"'),
      "Error in the JQL Query: The character 'U+007F' on line 1 at position 8 must be escaped. Use the escape '\\u007f' instead. (line 1, character 8)",
    );
  });

  it('refuses numbers outside the 64-bit range', () => {
    assert.equal(
      lexError('aaaaa=-3482094382084092840932809482'),
      "Error in the JQL Query: '-3482094382084092840932809482' is not a valid number. Numbers must be between -9,223,372,036,854,775,808 and 9,223,372,036,854,775,807. (line 1, character 7)",
    );
    assert.equal(tokenize('x = 9223372036854775807')[2]?.type, 'number');
    assert.equal(tokenize('x = -9223372036854775808')[2]?.type, 'number');
  });
});
