import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BOB, context, errorsOf, keySet } from './fixtures.js';

const DATE_TIME =
  "Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.";

describe('WAS', () => {
  it('finds past and present values', () => {
    assert.deepEqual(keySet('status was "In Progress"'), ['DEMO-1', 'DEMO-2', 'DEMO-5', 'OPS-2']);
    assert.deepEqual(keySet('status was "To Do"'), ['DEMO-1', 'DEMO-2', 'DEMO-3', 'DEMO-4', 'OPS-1']);
    assert.deepEqual(keySet('status was not "To Do"'), ['DEMO-10', 'DEMO-5', 'OPS-2']);
    assert.deepEqual(keySet('status was in ("In Progress", Done)'), [
      'DEMO-1',
      'DEMO-10',
      'DEMO-2',
      'DEMO-5',
      'OPS-2',
    ]);
    assert.deepEqual(keySet('status was not in ("In Progress", Done)'), ['DEMO-3', 'DEMO-4', 'OPS-1']);
    assert.deepEqual(keySet('assignee was alice'), ['DEMO-1', 'DEMO-2', 'DEMO-4', 'OPS-1']);
    assert.deepEqual(keySet('assignee was EMPTY'), ['DEMO-3', 'OPS-2']);
  });

  it('restricts by time with BEFORE, AFTER, ON and DURING', () => {
    assert.deepEqual(keySet('status was "In Progress" before 2026-01-03'), ['DEMO-1']);
    assert.deepEqual(keySet('status was "In Progress" after 2026-01-07'), ['DEMO-2', 'DEMO-5', 'OPS-2']);
    assert.deepEqual(keySet('status was "In Progress" on 2026-01-04'), ['DEMO-1']);
    assert.deepEqual(keySet('status was "In Progress" during (2026-01-05, 2026-01-06)'), [
      'DEMO-1',
      'DEMO-2',
    ]);
    assert.deepEqual(keySet('assignee was bob before 2026-01-07'), []);
  });

  it('restricts by who set the value with BY (the creator for initial values)', () => {
    assert.deepEqual(keySet('status was Done by alice'), ['DEMO-1']);
    assert.deepEqual(keySet('status was Done by admin'), ['DEMO-10']);
    assert.deepEqual(keySet('status was Done by currentUser()'), ['DEMO-1']);
  });
});

describe('CHANGED', () => {
  it('finds changes, with FROM, TO, BY and time predicates', () => {
    assert.deepEqual(keySet('status changed'), ['DEMO-1', 'DEMO-2']);
    assert.deepEqual(keySet('status changed from "To Do" to "In Progress"'), ['DEMO-1', 'DEMO-2']);
    assert.deepEqual(keySet('status changed to Done'), ['DEMO-1']);
    assert.deepEqual(keySet('status changed by bob'), ['DEMO-2']);
    assert.deepEqual(keySet('status changed after 2026-01-05'), ['DEMO-1', 'DEMO-2']);
    assert.deepEqual(keySet('status changed before 2026-01-05'), ['DEMO-1']);
    assert.deepEqual(keySet('status changed on 2026-01-02'), ['DEMO-1']);
    assert.deepEqual(keySet('status changed during (2026-01-03, 2026-01-05)'), []);
    assert.deepEqual(keySet('assignee changed from alice to bob'), ['DEMO-2']);
    assert.deepEqual(keySet('assignee changed to currentUser()'), []);
    assert.deepEqual(keySet('assignee changed to currentUser()', context({ currentUser: BOB })), ['DEMO-2']);
    assert.deepEqual(keySet('priority changed'), []);
    assert.deepEqual(keySet('NOT status changed').length, 6);
  });
});

describe('history errors (Jira texts)', () => {
  it('reports misused predicates and bad dates', () => {
    assert.deepEqual(errorsOf('status was Done from "To Do"'), [
      'The WAS operator does not support the use of the from "To Do" predicate.',
    ]);
    assert.deepEqual(errorsOf('status changed during 2026-01-01'), [
      'The DURING predicate must be supplied with exactly 2 date values.',
    ]);
    assert.deepEqual(errorsOf('status changed before (11, 12)'), [
      'The BEFORE predicate must be supplied with only 1 date value.',
    ]);
    assert.deepEqual(errorsOf('status changed after "20/12/10"'), [
      `Date value '20/12/10' for predicate 'after' is invalid. ${DATE_TIME}`,
    ]);
    assert.deepEqual(errorsOf('status changed after currentUser()'), [
      "A date for the predicate 'after' provided by the function 'currentUser' is not valid.",
    ]);
    assert.deepEqual(errorsOf('status changed from fred'), [
      "The value 'fred' does not exist for the field 'status'.",
    ]);
    assert.deepEqual(errorsOf('status was Reopened by currentUser() AFTER startOfDay("invalid")'), [
      "Duration for function 'startOfDay' should have the format (+/-)n(yMwdm), e.g -1M for 1 month earlier.",
    ]);
    assert.deepEqual(errorsOf('status changed AFTER now("invalid")'), [
      "Function 'now' expected '0' arguments but received '1'.",
    ]);
    assert.deepEqual(errorsOf('assignee changed by bogus()'), ["Unable to find JQL function 'bogus()'."]);
    assert.deepEqual(errorsOf('assignee was bogus()'), ["Unable to find JQL function 'bogus()'."]);
    assert.deepEqual(errorsOf('status changed by nobody'), [
      "The user 'nobody' does not exist and cannot be used in the 'by' predicate.",
    ]);
  });
});
