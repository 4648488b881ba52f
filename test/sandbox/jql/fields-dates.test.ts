import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BOB, context, errorsOf, ISSUES, keySet, makeIssue } from './fixtures.js';

const DATE_TIME =
  "Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.";

describe('date-time fields', () => {
  it('= on a date covers the whole day; on a minute, that minute', () => {
    assert.deepEqual(keySet('created = 2026-01-05'), ['DEMO-2', 'DEMO-3']);
    assert.deepEqual(keySet('created = "2026/01/05"'), ['DEMO-2', 'DEMO-3']);
    assert.deepEqual(keySet('created = "2026-01-05 08:30"'), ['DEMO-2']);
    assert.equal(keySet('created != 2026-01-05').length, 6);
    assert.deepEqual(keySet('created in (2026-01-01, 2026-01-03)'), ['DEMO-1', 'OPS-1']);
  });

  it('ordering operators compare with the first moment of a date, as Jira does', () => {
    assert.deepEqual(keySet('created <= 2026-01-05'), ['DEMO-1', 'DEMO-10', 'OPS-1']);
    assert.deepEqual(keySet('created < 2026-01-06'), ['DEMO-1', 'DEMO-10', 'DEMO-2', 'DEMO-3', 'OPS-1']);
    assert.deepEqual(keySet('created > "2026/01/08 12:00"'), ['DEMO-5', 'OPS-2']);
    assert.deepEqual(keySet('created >= "2026-01-08 12:00"'), ['DEMO-4', 'DEMO-5', 'OPS-2']);
  });

  it('reads periods relative to now (Saturday 2026-01-10 12:00 UTC)', () => {
    assert.deepEqual(keySet('created >= -2d'), ['DEMO-4', 'DEMO-5', 'OPS-2']);
    assert.deepEqual(keySet('created >= "-1w 2d"'), [
      'DEMO-2',
      'DEMO-3',
      'DEMO-4',
      'DEMO-5',
      'OPS-1',
      'OPS-2',
    ]);
    assert.deepEqual(keySet('created >= -1h'), ['OPS-2']);
    assert.deepEqual(keySet('created > -1h'), []);
  });

  it('reads numbers as epoch milliseconds', () => {
    assert.deepEqual(keySet(`created >= ${Date.UTC(2026, 0, 9, 12)}`), ['OPS-2']);
  });

  it('reads date literals in the caller time zone', () => {
    // 03:00 UTC on the 6th is still the evening of the 5th in New York.
    const late = makeIssue({ id: 30000, key: 'DEMO-30', created: '2026-01-06T03:00:00.000Z' });
    const issues = [...ISSUES, late];
    assert.deepEqual(keySet('created = 2026-01-05', context(), issues), ['DEMO-2', 'DEMO-3']);
    assert.deepEqual(keySet('created = 2026-01-05', context({ currentUser: BOB }), issues), [
      'DEMO-2',
      'DEMO-3',
      'DEMO-30',
    ]);
  });

  it('supports the date functions', () => {
    assert.deepEqual(keySet('updated > startOfDay()'), ['DEMO-4', 'OPS-2']);
    assert.deepEqual(keySet('created >= startOfDay(-1) and created <= endOfDay(-1)'), ['DEMO-5']);
    assert.deepEqual(keySet('created >= startOfWeek()'), ['DEMO-2', 'DEMO-3', 'DEMO-4', 'DEMO-5', 'OPS-2']);
    assert.deepEqual(keySet('created >= startOfWeek(-1) and created < startOfWeek()'), ['DEMO-1', 'OPS-1']);
    assert.deepEqual(keySet('created >= startOfMonth(-1) and created <= endOfMonth(-1)'), ['DEMO-10']);
    assert.deepEqual(keySet('created < startOfYear()'), ['DEMO-10']);
    assert.deepEqual(keySet('created > now()'), []);
    assert.deepEqual(keySet('created <= endOfYear() and created >= startOfYear("-1y")').length, 8);
  });

  it('covers resolved / resolutiondate and updated / updatedDate, with EMPTY', () => {
    assert.deepEqual(keySet('resolved >= 2026-01-03'), ['DEMO-1']);
    assert.deepEqual(keySet('resolutiondate is not EMPTY'), ['DEMO-1', 'DEMO-10']);
    assert.equal(keySet('resolved = EMPTY').length, 6);
    assert.deepEqual(keySet('updatedDate >= 2026-01-10'), ['DEMO-4', 'OPS-2']);
    assert.deepEqual(keySet('createdDate < 2026-01-01'), ['DEMO-10']);
  });

  it('reports invalid dates and misused functions with Jira texts', () => {
    assert.deepEqual(errorsOf('created > "20/12/10"'), [
      `Date value '20/12/10' for field 'created' is invalid. ${DATE_TIME}`,
    ]);
    assert.deepEqual(errorsOf('created > 2026-02-30'), [
      `Date value '2026-02-30' for field 'created' is invalid. ${DATE_TIME}`,
    ]);
    assert.deepEqual(errorsOf('created > now(1)'), [
      "Function 'now' expected '0' arguments but received '1'.",
    ]);
    assert.deepEqual(errorsOf('created > startOfDay(1, 2)'), [
      "Function 'startOfDay' expected between '0' and '1' arguments but received '2'.",
    ]);
    assert.deepEqual(errorsOf('created > startOfDay("invalid")'), [
      "Duration for function 'startOfDay' should have the format (+/-)n(yMwdm), e.g -1M for 1 month earlier.",
    ]);
    assert.deepEqual(errorsOf('created = currentUser()'), [
      "A value provided by the function 'currentUser' is invalid for the field 'created'.",
    ]);
    assert.deepEqual(errorsOf('created ~ 2026-01-01'), [
      "The operator '~' is not supported by the 'created' field.",
    ]);
  });
});

describe('due date', () => {
  it('compares calendar dates', () => {
    assert.deepEqual(keySet('due = 2026-01-10'), ['DEMO-4']);
    assert.deepEqual(keySet('duedate = "2026/01/10"'), ['DEMO-4']);
    assert.deepEqual(keySet('due < now()'), ['DEMO-1', 'DEMO-10', 'DEMO-5']);
    assert.deepEqual(keySet('due <= now()'), ['DEMO-1', 'DEMO-10', 'DEMO-4', 'DEMO-5']);
    assert.deepEqual(keySet('due <= endOfWeek()'), ['DEMO-1', 'DEMO-10', 'DEMO-4', 'DEMO-5']);
    assert.deepEqual(keySet('due > 3d'), ['OPS-1']);
    assert.deepEqual(keySet('due is EMPTY'), ['DEMO-3', 'OPS-2']);
    assert.equal(keySet('due != 2026-01-10').length, 5);
  });

  it('reads "today" in the caller zone', () => {
    const lateEvening = new Date('2026-01-10T03:00:00.000Z');
    assert.deepEqual(keySet('due = 0d', context({ now: lateEvening })), ['DEMO-4']);
    assert.deepEqual(keySet('due = 0d', context({ now: lateEvening, currentUser: BOB })), ['DEMO-5']);
  });

  it('refuses a time of day', () => {
    assert.deepEqual(errorsOf('due = "2026-01-10 10:00"'), [
      "Date value '2026-01-10 10:00' for field 'due' is invalid. Valid formats include: 'YYYY/MM/DD', 'YYYY-MM-DD', or a period format e.g. '-5d', '4w 2d'.",
    ]);
  });
});
