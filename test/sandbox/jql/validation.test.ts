import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { errorsOf } from './fixtures.js';

describe('validation messages (no "Error in the JQL Query" prefix)', () => {
  it('unknown fields', () => {
    assert.deepEqual(errorsOf('foo = bar'), [
      "Field 'foo' does not exist or you do not have permission to view it.",
    ]);
    assert.deepEqual(errorsOf('"Epic Link" = DEMO-1'), [
      "Field 'Epic Link' does not exist or you do not have permission to view it.",
    ]);
  });

  it('unknown functions and wrong argument counts', () => {
    assert.deepEqual(errorsOf('assignee = bogus()'), ["Unable to find JQL function 'bogus()'."]);
    assert.deepEqual(errorsOf('assignee = bogus(a, b)'), ["Unable to find JQL function 'bogus(a, b)'."]);
    assert.deepEqual(errorsOf('assignee = currentUser(x)'), [
      "Function 'currentUser' expected '0' arguments but received '1'.",
    ]);
    assert.deepEqual(errorsOf('assignee in membersOf()'), [
      "Function 'membersOf' expected '1' arguments but received '0'.",
    ]);
  });

  it('operator usage: lists, EMPTY and IS', () => {
    assert.deepEqual(errorsOf('status = (Done, "To Do")'), [
      "Operator '=' does not support the list value '(\"Done\", \"To Do\")' for field 'status'.",
    ]);
    assert.deepEqual(errorsOf('status in Done'), [
      "Operator 'in' does not support the non-list value '\"Done\"' for field 'status'.",
    ]);
    assert.deepEqual(errorsOf('assignee in currentUser()'), [
      "Operator 'in' does not support the non-list value 'currentUser()' for field 'assignee'.",
    ]);
    assert.deepEqual(errorsOf('assignee not in EMPTY'), [
      "Operator 'not in' does not support the empty value representation 'EMPTY' for field 'assignee'.",
    ]);
    assert.deepEqual(errorsOf('assignee is alice'), [
      "Operator 'is' does not support searching for non-empty values for field 'assignee'.",
    ]);
    assert.deepEqual(errorsOf('assignee is not 12'), [
      "Operator 'is not' does not support searching for non-empty values for field 'assignee'.",
    ]);
  });

  it('operators a field does not support', () => {
    assert.deepEqual(errorsOf('labels > a'), ["The operator '>' is not supported by the 'labels' field."]);
    assert.deepEqual(errorsOf('issuekey is EMPTY'), [
      "The operator 'is' is not supported by the 'issuekey' field.",
    ]);
    assert.deepEqual(errorsOf('labels was a'), [
      "The operator 'was' is not supported by the 'labels' field.",
    ]);
  });

  it('history predicates on ordinary operators', () => {
    assert.deepEqual(errorsOf('status = "Done" by admin'), [
      'The EQUALS operator does not support the use of the by "admin" predicate.',
    ]);
  });

  it('collects every message of the query, in order, without duplicates', () => {
    assert.deepEqual(errorsOf('foo = 1 AND project = NOPE OR status = Nope AND foo = 1 ORDER BY bogus'), [
      "Field 'foo' does not exist or you do not have permission to view it.",
      "The value 'NOPE' does not exist for the field 'project'.",
      "The value 'Nope' does not exist for the field 'status'.",
      "Not able to sort using field 'bogus'.",
    ]);
  });

  it('validates clauses under NOT too', () => {
    assert.deepEqual(errorsOf('NOT project = NOPE'), [
      "The value 'NOPE' does not exist for the field 'project'.",
    ]);
  });

  it('ORDER BY fields that are unknown or not sortable', () => {
    assert.deepEqual(errorsOf('ORDER BY bogus'), ["Not able to sort using field 'bogus'."]);
    assert.deepEqual(errorsOf('ORDER BY description'), ["Field 'description' does not support sorting."]);
    assert.deepEqual(errorsOf('ORDER BY text, comment'), [
      "Field 'text' does not support sorting.",
      "Field 'comment' does not support sorting.",
    ]);
  });
});
