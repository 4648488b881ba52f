import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { knownColumn, rowToCreateInput } from '../../src/api/bulk-rows.js';
import { InputError } from '../../src/index.js';

describe('rowToCreateInput', () => {
  it('maps known columns by name in any case and spacing, and splits list cells at commas', () => {
    const input = rowToCreateInput(
      {
        Project: 'DEMO',
        'Issue Type': 'Bug',
        summary: 'Checkout fails',
        Labels: 'web, urgent,,',
        fix_version: '1.1',
        Assignee: 'alice@example.com',
        Description: '**bold**',
      },
      { csv: true },
    );
    assert.deepEqual(input, {
      project: 'DEMO',
      issueType: 'Bug',
      summary: 'Checkout fails',
      labels: ['web', 'urgent'],
      fixVersions: ['1.1'],
      assignee: 'alice@example.com',
      description: '**bold**',
    });
  });

  it('passes other columns as fields; CSV cells that are JSON numbers or objects are parsed', () => {
    const input = rowToCreateInput(
      {
        project: 'DEMO',
        type: 'Task',
        summary: 's',
        'Story Points': '5',
        Team: '{"value":"Red"}',
        Notes: '-- x',
      },
      { csv: true },
    );
    assert.deepEqual(input.fields, { 'Story Points': 5, Team: { value: 'Red' }, Notes: '-- x' });
  });

  it('keeps NDJSON values as they are and takes lists as arrays', () => {
    const input = rowToCreateInput({
      project: 'DEMO',
      issuetype: 'Task',
      summary: 's',
      labels: ['a', 'b'],
      customfield_10016: '5',
    });
    assert.deepEqual(input.labels, ['a', 'b']);
    assert.deepEqual(input.fields, { customfield_10016: '5' });
  });

  it('leaves empty cells out and names the missing required columns', () => {
    assert.throws(
      () => rowToCreateInput({ project: 'DEMO', issuetype: '', summary: '' }),
      (err: unknown) => err instanceof InputError && /issuetype, summary/.test(err.message),
    );
    assert.throws(
      () => rowToCreateInput({ project: 'DEMO', issuetype: 'Task', summary: { a: 1 } }),
      InputError,
    );
  });

  it('recognises the documented column names only', () => {
    assert.equal(knownColumn('Fix Versions'), 'fixVersions');
    assert.equal(knownColumn('due-date'), 'dueDate');
    assert.equal(knownColumn('Story Points'), undefined);
  });
});
