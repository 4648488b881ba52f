import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ALICE, BOB, context, errorsOf, keySet } from './fixtures.js';

describe('user fields', () => {
  const alices = ['DEMO-1', 'DEMO-4', 'OPS-1'];

  it('match a user by name, key, account id, e-mail or display name, in any case', () => {
    assert.deepEqual(keySet('assignee = alice'), alices);
    assert.deepEqual(keySet(`assignee = ${ALICE.key}`), alices);
    assert.deepEqual(keySet(`assignee = ${ALICE.accountId}`), alices);
    assert.deepEqual(keySet('assignee = "ALICE@example.com"'), alices);
    assert.deepEqual(keySet('assignee = "alice able"'), alices);
  });

  it('match the caller with currentUser()', () => {
    assert.deepEqual(keySet('assignee = currentUser()'), alices);
    assert.deepEqual(keySet('assignee = currentUser()', context({ currentUser: BOB })), ['DEMO-2', 'DEMO-5']);
    assert.deepEqual(keySet('reporter = currentUser()'), ['DEMO-2', 'DEMO-5', 'OPS-1']);
  });

  it('refuse currentUser() for an anonymous caller, as Jira does', () => {
    assert.deepEqual(errorsOf('assignee = currentUser()', context({ currentUser: null })), [
      "A value provided by the function 'currentUser' is invalid for the field 'assignee'.",
    ]);
  });

  it('match group members with membersOf()', () => {
    assert.deepEqual(keySet('assignee in membersOf(developers)'), alices);
    assert.deepEqual(keySet('assignee in membersOf("JIRA-SOFTWARE-USERS")'), [
      'DEMO-1',
      'DEMO-2',
      'DEMO-4',
      'DEMO-5',
      'OPS-1',
    ]);
    assert.deepEqual(keySet('assignee not in membersOf(developers)'), ['DEMO-10', 'DEMO-2', 'DEMO-5']);
    assert.deepEqual(errorsOf('assignee in membersOf(nobody)'), [
      "Function 'membersOf' can not generate a list of usernames for group 'nobody'; the group does not exist.",
    ]);
    assert.deepEqual(errorsOf('assignee = membersOf(developers)'), [
      "Operator '=' does not support the list value 'membersOf(developers)' for field 'assignee'.",
    ]);
  });

  it('handle unassigned issues: EMPTY matches them, != and NOT IN never do', () => {
    assert.deepEqual(keySet('assignee is EMPTY'), ['DEMO-3', 'OPS-2']);
    assert.deepEqual(keySet('assignee = EMPTY'), ['DEMO-3', 'OPS-2']);
    assert.deepEqual(keySet('assignee != alice'), ['DEMO-10', 'DEMO-2', 'DEMO-5']);
    assert.deepEqual(keySet('assignee not in (alice, bob)'), ['DEMO-10']);
    assert.deepEqual(keySet('assignee in (admin, EMPTY)'), ['DEMO-10', 'DEMO-3', 'OPS-2']);
  });

  it('report unknown users', () => {
    assert.deepEqual(errorsOf('assignee = nobody'), [
      "The value 'nobody' does not exist for the field 'assignee'.",
    ]);
    assert.deepEqual(errorsOf('reporter in (alice, ghost)'), [
      "The value 'ghost' does not exist for the field 'reporter'.",
    ]);
  });

  it('cover reporter and creator', () => {
    assert.deepEqual(keySet('reporter = bob'), ['DEMO-3', 'DEMO-4', 'OPS-2']);
    assert.deepEqual(keySet('creator = alice'), ['DEMO-2']);
  });
});

describe('labels', () => {
  it('match any label value, ignoring case', () => {
    assert.deepEqual(keySet('labels = backend'), ['DEMO-1', 'DEMO-4']);
    assert.deepEqual(keySet('labels = BACKEND'), ['DEMO-1', 'DEMO-4']);
    assert.deepEqual(keySet('labels in (tests, security)'), ['DEMO-5', 'OPS-1']);
    assert.deepEqual(keySet('labels = unheardof'), []);
  });

  it('exclude unlabelled issues from != and NOT IN', () => {
    assert.deepEqual(keySet('labels != frontend'), ['DEMO-1', 'DEMO-4', 'OPS-1']);
    assert.deepEqual(keySet('labels not in (backend, frontend)'), ['OPS-1']);
    assert.deepEqual(keySet('labels is EMPTY'), ['DEMO-10', 'DEMO-3', 'OPS-2']);
  });

  it('is not sortable, as in Jira', () => {
    assert.deepEqual(errorsOf('order by labels'), ["Field 'labels' does not support sorting."]);
  });
});

describe('component and fixVersion', () => {
  it('match components used by some issue, and refuse others', () => {
    assert.deepEqual(keySet('component = api'), ['DEMO-1', 'DEMO-2']);
    assert.deepEqual(keySet('component in (UI, Editor)'), ['DEMO-2', 'DEMO-4']);
    assert.deepEqual(keySet('component != API'), ['DEMO-4']);
    assert.deepEqual(keySet('component is EMPTY').length, 5);
    assert.deepEqual(errorsOf('component = Backend'), [
      "The value 'Backend' does not exist for the field 'component'.",
    ]);
  });

  it('orders versions naturally: 1.9 < 1.10', () => {
    assert.deepEqual(keySet('fixVersion = "1.10"'), ['DEMO-4']);
    assert.deepEqual(keySet('fixVersion > 1.9'), ['DEMO-4']);
    assert.deepEqual(keySet('fixVersion <= 1.1'), ['DEMO-1', 'DEMO-2']);
    assert.deepEqual(errorsOf('fixVersion = 2.0'), [
      "The value '2.0' does not exist for the field 'fixVersion'.",
    ]);
  });
});
