import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseJql, printJql } from '../../../src/sandbox/jql/index.js';
import type { IssueRecord } from '../../../src/sandbox/model.js';
import { BOB, context, errorsOf, ISSUES, keySet, keys, makeIssue } from './fixtures.js';

describe('JQL: text, dates, functions and fields used by issue reading', () => {
  it('~ searches summary, description, comments, and all of them through text', () => {
    assert.deepEqual(keySet('summary ~ SSO'), ['DEMO-2', 'DEMO-5']);
    assert.deepEqual(keySet('description ~ crash'), ['DEMO-4']);
    assert.deepEqual(keySet('comment ~ staging'), ['DEMO-2']);
    assert.deepEqual(keySet('text ~ staging'), ['DEMO-2']);
    assert.deepEqual(keySet('text ~ payment'), ['DEMO-1']);
    assert.deepEqual(keySet('summary !~ SSO AND project = DEMO'), ['DEMO-1', 'DEMO-10', 'DEMO-3', 'DEMO-4']);
  });

  it('relative dates and period formats count back from now (Saturday 2026-01-10 12:00 UTC)', () => {
    assert.deepEqual(keySet('created >= -7d'), ['DEMO-2', 'DEMO-3', 'DEMO-4', 'DEMO-5', 'OPS-2']);
    // -2w 1d is fifteen days back: 2025-12-26 12:00, after DEMO-10 only.
    assert.deepEqual(keySet('created >= "-2w 1d"'), keySet('created >= -15d'));
    assert.ok(!keySet('created >= "-2w 1d"').includes('DEMO-10'));
    assert.deepEqual(keySet('created < -30d'), []);
    assert.deepEqual(errorsOf('created >= -7x'), [
      "Date value '-7x' for field 'created' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.",
    ]);
  });

  it('startOfDay() and friends take offsets', () => {
    assert.deepEqual(keySet('created >= startOfDay()'), ['OPS-2']);
    assert.deepEqual(keySet('created >= startOfDay(-1)'), ['DEMO-5', 'OPS-2']);
    assert.deepEqual(keySet('created >= startOfDay("-1d")'), ['DEMO-5', 'OPS-2']);
    // The week started on Sunday 2026-01-04.
    assert.deepEqual(keySet('created >= startOfWeek()'), ['DEMO-2', 'DEMO-3', 'DEMO-4', 'DEMO-5', 'OPS-2']);
    assert.deepEqual(keySet('created < startOfMonth()'), ['DEMO-10']);
    assert.equal(keySet('created >= startOfMonth(-1M)').length, ISSUES.length);
    assert.equal(keySet('created <= endOfDay()').length, ISSUES.length);
    assert.deepEqual(keySet('created >= startOfYear()'), keySet('created >= "2026-01-01"'));
  });

  it('currentUser(), membersOf() and EMPTY', () => {
    assert.deepEqual(keySet('assignee = currentUser()'), ['DEMO-1', 'DEMO-4', 'OPS-1']);
    assert.deepEqual(keySet('assignee = currentUser()', context({ currentUser: BOB })), ['DEMO-2', 'DEMO-5']);
    assert.deepEqual(keySet('assignee in membersOf(developers)'), ['DEMO-1', 'DEMO-4', 'OPS-1']);
    assert.deepEqual(keySet('assignee IS EMPTY'), ['DEMO-3', 'OPS-2']);
    assert.deepEqual(keySet('assignee = EMPTY'), ['DEMO-3', 'OPS-2']);
    assert.deepEqual(keySet('priority is EMPTY'), ['DEMO-5']);
    assert.equal(keySet('assignee IS NOT EMPTY').length, ISSUES.length - 2);
  });

  it('issuekey, parent, labels, fixVersion, component, status and statusCategory', () => {
    assert.deepEqual(keys('issuekey = DEMO-1'), ['DEMO-1']);
    assert.deepEqual(keySet('issuekey in (DEMO-1, OPS-2)'), ['DEMO-1', 'OPS-2']);
    assert.deepEqual(keySet('issuekey > DEMO-3'), ['DEMO-10', 'DEMO-4', 'DEMO-5']);
    assert.deepEqual(keySet('parent = DEMO-2'), ['DEMO-5']);
    assert.deepEqual(keySet('labels = backend'), ['DEMO-1', 'DEMO-4']);
    assert.deepEqual(keySet('labels in (tests, security)'), ['DEMO-5', 'OPS-1']);
    assert.deepEqual(keySet('fixVersion = "1.0"'), ['DEMO-1']);
    assert.deepEqual(keySet('component = API'), ['DEMO-1', 'DEMO-2']);
    assert.deepEqual(keySet('status = "In Progress"'), ['DEMO-2', 'DEMO-5', 'OPS-2']);
    assert.deepEqual(keySet('statusCategory = Done'), ['DEMO-1', 'DEMO-10']);
    assert.deepEqual(keySet('statusCategory != Done AND project = OPS'), ['OPS-1', 'OPS-2']);
  });

  it('ORDER BY several keys with mixed directions', () => {
    assert.deepEqual(keys('project = DEMO ORDER BY statusCategory DESC, created ASC'), [
      'DEMO-10',
      'DEMO-1',
      'DEMO-2',
      'DEMO-5',
      'DEMO-3',
      'DEMO-4',
    ]);
    assert.deepEqual(keys('assignee IS NOT EMPTY ORDER BY assignee ASC, key DESC'), [
      'DEMO-10',
      'OPS-1',
      'DEMO-4',
      'DEMO-1',
      'DEMO-5',
      'DEMO-2',
    ]);
  });
});

describe('JQL: issue.property[key].path', () => {
  const issues: IssueRecord[] = [
    makeIssue({
      id: 1,
      key: 'DEMO-1',
      properties: {
        support: {
          level: 3,
          team: 'Payments Core',
          tags: ['a', 'b'],
          owners: [{ name: 'ann' }, { name: 'bo' }],
        },
      },
    }),
    makeIssue({ id: 2, key: 'DEMO-2', properties: { support: { level: 10, team: 'Web' }, flag: true } }),
    makeIssue({ id: 3, key: 'DEMO-3' }),
  ];
  const find = (jql: string) => keySet(jql, context(), issues);

  it('compares numbers as numbers and strings case-insensitively', () => {
    assert.deepEqual(find('issue.property[support].level = 3'), ['DEMO-1']);
    assert.deepEqual(find('issue.property[support].level > 5'), ['DEMO-2']);
    assert.deepEqual(find('issue.property[support].level >= 3'), ['DEMO-1', 'DEMO-2']);
    assert.deepEqual(find('issue.property[support].team = web'), ['DEMO-2']);
    assert.deepEqual(find('issue.property["support"].team != Web'), ['DEMO-1']);
    assert.deepEqual(find('issue.property[flag] = "true"'), ['DEMO-2']);
  });

  it('~ searches text; arrays and nested objects match any member', () => {
    assert.deepEqual(find('issue.property[support].team ~ payments'), ['DEMO-1']);
    assert.deepEqual(find('issue.property[support].team !~ payments'), ['DEMO-2']);
    assert.deepEqual(find('issue.property[support].tags = b'), ['DEMO-1']);
    assert.deepEqual(find('issue.property[support].owners.name in (bo, zed)'), ['DEMO-1']);
  });

  it('a missing property or path is EMPTY', () => {
    assert.deepEqual(find('issue.property[support] IS EMPTY'), ['DEMO-3']);
    assert.deepEqual(find('issue.property[support].tags IS EMPTY'), ['DEMO-2', 'DEMO-3']);
    assert.deepEqual(find('issue.property[support].tags IS NOT EMPTY'), ['DEMO-1']);
    assert.deepEqual(find('issue.property[nothing].x = 1'), []);
  });

  it('sorts by a property value; absent values come last ascending, first descending', () => {
    const sorted = (direction: string) =>
      keys(`project = DEMO ORDER BY issue.property[support].level ${direction}`, context(), issues);
    assert.deepEqual(sorted('ASC'), ['DEMO-1', 'DEMO-2', 'DEMO-3']);
    assert.deepEqual(sorted('DESC'), ['DEMO-3', 'DEMO-2', 'DEMO-1']);
  });

  it('parses, prints back, and reports malformed references with Jira-style messages', () => {
    const jql = 'issue.property["my key"].a.b = 1 ORDER BY issue.property[support] ASC';
    const printed = printJql(parseJql(jql));
    assert.equal(printed, 'issue.property["my key"].a.b = 1 ORDER BY issue.property[support] ASC');
    assert.deepEqual(parseJql(printed), parseJql(jql));
    assert.deepEqual(errorsOf('issue.property[].x = 1', context(), issues), [
      "Error in the JQL Query: Expecting a property key but got ']'. (line 1, character 16)",
    ]);
    assert.deepEqual(errorsOf('issue.property[support .x = 1', context(), issues), [
      "Error in the JQL Query: Expecting ']' but got '.x'. (line 1, character 24)",
    ]);
  });
});
