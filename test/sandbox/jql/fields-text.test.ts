import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseTextQuery, segment, stem } from '../../../src/sandbox/jql/text-search.js';
import { context, errorsOf, keySet, keys, makeIssue } from './fixtures.js';

describe('text search words', () => {
  it('stems common English endings the same way on both sides', () => {
    for (const [a, b] of [
      ['tests', 'testing'],
      ['crash', 'crashes'],
      ['update', 'updated'],
      ['story', 'stories'],
      ['run', 'running'],
    ]) {
      assert.equal(stem(a ?? ''), stem(b ?? ''), `${a} / ${b}`);
    }
    assert.notEqual(stem('test'), stem('text'));
  });

  it('splits documents into lower-case words', () => {
    assert.deepEqual(segment('Login fails with SSO-2, **again**').words, [
      'login',
      'fails',
      'with',
      'sso',
      '2',
      'again',
    ]);
  });

  it('parses OR, NOT, phrases and wildcards', () => {
    const query = parseTextQuery('"log in" -staging OR cras*');
    assert.ok(Array.isArray(query));
    assert.equal(query.length, 2);
    assert.deepEqual(
      query[0]?.map((t) => [t.negated, t.words.length]),
      [
        [false, 2],
        [true, 1],
      ],
    );
  });
});

describe('summary, description, comment and text', () => {
  it('match words case-insensitively, with stemming', () => {
    assert.deepEqual(keySet('summary ~ login'), ['DEMO-2', 'DEMO-5']);
    assert.deepEqual(keySet('summary ~ LOGIN'), ['DEMO-2', 'DEMO-5']);
    assert.deepEqual(keySet('summary ~ test'), ['DEMO-5']);
    assert.deepEqual(keySet('summary ~ crashes'), ['DEMO-4']);
    assert.deepEqual(keySet('description ~ crash'), ['DEMO-4']);
  });

  it('AND the words of a query unless OR joins them', () => {
    assert.deepEqual(keySet('summary ~ "sso login"'), ['DEMO-2', 'DEMO-5']);
    assert.deepEqual(keySet('summary ~ "sso tests"'), ['DEMO-5']);
    assert.deepEqual(keySet('summary ~ "csv OR disk"'), ['DEMO-10', 'OPS-2']);
  });

  it('match exact phrases, prefixes and single-character wildcards', () => {
    assert.deepEqual(keySet('summary ~ "\\"login fails\\""'), ['DEMO-2']);
    assert.deepEqual(keySet('summary ~ "\\"fails login\\""'), []);
    assert.deepEqual(keySet('summary ~ "doc*"'), ['DEMO-3']);
    assert.deepEqual(keySet('summary ~ "dr?fts"'), ['DEMO-4']);
  });

  it('exclude words with - or NOT', () => {
    assert.deepEqual(keySet('summary ~ "sso -tests"'), ['DEMO-2']);
    assert.deepEqual(keySet('summary ~ "sso NOT login"'), []);
  });

  it('!~ is the negation restricted to issues with text', () => {
    assert.deepEqual(keySet('description !~ sso'), ['DEMO-1', 'DEMO-4', 'OPS-2']);
    assert.equal(keySet('summary !~ sso').length, 6);
    assert.deepEqual(keySet('comment !~ staging'), ['DEMO-1', 'DEMO-4']);
  });

  it('searches comments, and text across summary, description and comments', () => {
    assert.deepEqual(keySet('comment ~ "testing"'), ['DEMO-4']);
    assert.deepEqual(keySet('comment ~ staging'), ['DEMO-2']);
    assert.deepEqual(keySet('text ~ release'), ['DEMO-1']);
    assert.deepEqual(keySet('text ~ "disk space"'), ['OPS-2']);
    assert.deepEqual(keySet('text ~ sso'), ['DEMO-2', 'DEMO-5']);
  });

  it('does not let a phrase span two comments', () => {
    const issue = makeIssue({
      id: 40000,
      key: 'DEMO-40',
      comments: [
        {
          id: 1,
          author: 'bob',
          body: 'first red',
          created: '2026-01-05T10:00:00.000Z',
          updated: '2026-01-05T10:00:00.000Z',
        },
        {
          id: 2,
          author: 'bob',
          body: 'green second',
          created: '2026-01-05T10:00:00.000Z',
          updated: '2026-01-05T10:00:00.000Z',
        },
      ],
    });
    assert.deepEqual(keySet('comment ~ "\\"red green\\""', context(), [issue]), []);
    assert.deepEqual(keySet('comment ~ "red green"', context(), [issue]), ['DEMO-40']);
  });

  it('finds empty descriptions with IS EMPTY or ~ EMPTY', () => {
    const empty = ['DEMO-10', 'DEMO-3', 'DEMO-5', 'OPS-1'];
    assert.deepEqual(keySet('description is EMPTY'), empty);
    assert.deepEqual(keySet('description ~ EMPTY'), empty);
    assert.deepEqual(keySet('description is not EMPTY'), ['DEMO-1', 'DEMO-2', 'DEMO-4', 'OPS-2']);
  });

  it('ranks results by relevance when there is no ORDER BY', () => {
    assert.deepEqual(keys('text ~ "sso OR login OR api"'), ['DEMO-2', 'DEMO-5', 'DEMO-3']);
    assert.deepEqual(keys('text ~ "sso OR login OR api" ORDER BY key ASC'), ['DEMO-2', 'DEMO-3', 'DEMO-5']);
  });

  it('reports Jira errors for bad text searches', () => {
    assert.deepEqual(errorsOf('summary ~ ""'), [
      "The field 'summary' does not support searching for an empty string.",
    ]);
    assert.deepEqual(errorsOf('summary ~ "*ash"'), [
      "The text query '*ash' for field 'summary' is not allowed to start with '*'.",
    ]);
    assert.deepEqual(errorsOf('summary ~ "\\"open"'), [
      "Unable to parse the text '\"open' for field 'summary'.",
    ]);
    assert.deepEqual(errorsOf('summary = login'), [
      "The operator '=' is not supported by the 'summary' field.",
    ]);
    assert.deepEqual(errorsOf('text !~ login'), ["The operator '!~' is not supported by the 'text' field."]);
    assert.deepEqual(errorsOf('text = login'), ["The operator '=' is not supported by the 'text' field."]);
    assert.deepEqual(errorsOf('comment ~ EMPTY'), [
      "The field 'comment' does not support searching for EMPTY values.",
    ]);
    assert.deepEqual(errorsOf('summary in (a, b)'), [
      "The operator 'in' is not supported by the 'summary' field.",
    ]);
    assert.deepEqual(errorsOf('summary ~ (a, b)'), [
      "Operator '~' does not support the list value '(\"a\", \"b\")' for field 'summary'.",
    ]);
    assert.deepEqual(errorsOf('summary ~ currentUser()'), [
      "A value provided by the function 'currentUser' is invalid for the field 'summary'.",
    ]);
  });
});
