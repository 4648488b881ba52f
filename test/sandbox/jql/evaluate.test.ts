import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isBounded, JqlError, searchIssues } from '../../../src/sandbox/jql/index.js';
import type { IssueRecord } from '../../../src/sandbox/model.js';
import { context, ISSUES, makeIssue, PROJECTS } from './fixtures.js';

describe('isBounded', () => {
  it('is false for JQL without a restriction', () => {
    for (const jql of ['', '   ', 'order by key desc', 'ORDER BY created, priority DESC']) {
      assert.equal(isBounded(jql), false, jql);
    }
  });

  it('is true for JQL with any clause, and for unparsable JQL (the search reports its error)', () => {
    for (const jql of [
      'project = DEMO',
      'assignee = currentUser() order by key',
      'NOT status = Done',
      'project = ((',
    ]) {
      assert.equal(isBounded(jql), true, jql);
    }
  });
});

describe('searchIssues', () => {
  it('returns a new array and leaves its input untouched', () => {
    const input = [...ISSUES];
    const before = JSON.stringify(input);
    const result = searchIssues(input, 'ORDER BY key ASC', context());
    assert.notEqual(result, input);
    assert.equal(JSON.stringify(input), before);
    assert.deepEqual(searchIssues(input, 'ORDER BY key ASC', context()), result);
  });

  it('throws JqlError, an Error whose message joins the messages', () => {
    try {
      searchIssues(ISSUES, 'project = NOPE AND status = Nope', context());
      assert.fail('no error');
    } catch (error) {
      assert.ok(error instanceof JqlError);
      assert.ok(error instanceof Error);
      assert.equal(error.name, 'JqlError');
      assert.equal(error.message, error.errorMessages.join(' '));
      assert.equal(error.errorMessages.length, 2);
    }
  });

  it('searches 10,000 issues with the same answer as a direct filter and sort', () => {
    const load = {
      ...PROJECTS[0],
      id: 10003,
      key: 'LOAD',
      name: 'Load',
      browsers: [],
    } as (typeof PROJECTS)[0];
    const issues: IssueRecord[] = [];
    for (let n = 1; n <= 10_000; n++) {
      issues.push(
        makeIssue({
          id: 50_000 + n,
          key: `LOAD-${n}`,
          priorityId: String((n % 5) + 1),
          assignee: n % 3 === 0 ? null : n % 3 === 1 ? 'alice' : 'bob',
          labels: [`l${n % 7}`],
          summary: `Generated issue ${n} ${n % 11 === 0 ? 'timeout' : 'works'}`,
          created: new Date(Date.UTC(2025, 0, 1) + n * 3_600_000).toISOString(),
        }),
      );
    }
    const ctx = context({ projects: [...PROJECTS, load] });
    const found = searchIssues(
      issues,
      'project = LOAD AND priority in (High, Highest) AND (labels = l3 OR summary ~ timeout) AND assignee is not EMPTY ORDER BY created DESC',
      ctx,
    );
    const expected = issues
      .filter(
        (i) =>
          ['1', '2'].includes(i.priorityId ?? '') &&
          (i.labels.includes('l3') || i.summary.includes('timeout')) &&
          i.assignee !== null,
      )
      .sort((a, b) => Date.parse(b.created) - Date.parse(a.created));
    assert.ok(expected.length > 500);
    assert.deepEqual(
      found.map((i) => i.key),
      expected.map((i) => i.key),
    );
  });
});
