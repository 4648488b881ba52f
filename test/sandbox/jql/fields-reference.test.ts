import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { context, errorsOf, keySet, PROJECTS } from './fixtures.js';

describe('project', () => {
  it('matches by key, name or id, in any case', () => {
    const ops = ['OPS-1', 'OPS-2'];
    assert.deepEqual(keySet('project = OPS'), ops);
    assert.deepEqual(keySet('project = ops'), ops);
    assert.deepEqual(keySet('project = "operations"'), ops);
    assert.deepEqual(keySet('project = 10001'), ops);
    assert.deepEqual(keySet('project = "10001"'), ops);
  });

  it('supports IN, NOT IN and != (every issue has a project, so IS EMPTY finds none)', () => {
    assert.equal(keySet('project in (DEMO, OPS)').length, 8);
    assert.deepEqual(keySet('project not in (DEMO)'), ['OPS-1', 'OPS-2']);
    assert.deepEqual(keySet('project != DEMO'), ['OPS-1', 'OPS-2']);
    assert.deepEqual(keySet('project is EMPTY'), []);
    assert.equal(keySet('project is not EMPTY').length, 8);
  });

  it('treats a project missing from the context (not browsable) as missing', () => {
    const visible = context({ projects: PROJECTS.filter((p) => p.key !== 'SEC') });
    assert.deepEqual(errorsOf('project = SEC', visible), [
      "The value 'SEC' does not exist for the field 'project'.",
    ]);
    assert.deepEqual(errorsOf('project = 10002', visible), [
      "A value with ID '10002' does not exist for the field 'project'.",
    ]);
    assert.deepEqual(keySet('project = SEC'), []);
  });

  it('reports unknown projects with the field name as written', () => {
    assert.deepEqual(errorsOf('PROJECT = NOSUCHPROJECT'), [
      "The value 'NOSUCHPROJECT' does not exist for the field 'PROJECT'.",
    ]);
    assert.deepEqual(errorsOf('project = 99'), [
      "A value with ID '99' does not exist for the field 'project'.",
    ]);
  });

  it('refuses text and ordering operators', () => {
    assert.deepEqual(errorsOf('project ~ DEMO'), [
      "The operator '~' is not supported by the 'project' field.",
    ]);
    assert.deepEqual(errorsOf('project > DEMO'), [
      "The operator '>' is not supported by the 'project' field.",
    ]);
  });
});

describe('status and statusCategory', () => {
  it('matches status by name (any case) or id', () => {
    const inProgress = ['DEMO-2', 'DEMO-5', 'OPS-2'];
    assert.deepEqual(keySet('status = "In Progress"'), inProgress);
    assert.deepEqual(keySet("status = 'in progress'"), inProgress);
    assert.deepEqual(keySet('status = 3'), inProgress);
    assert.deepEqual(keySet('status in ("To Do", Done)'), ['DEMO-1', 'DEMO-10', 'DEMO-3', 'DEMO-4', 'OPS-1']);
    assert.deepEqual(keySet('status != Done'), ['DEMO-2', 'DEMO-3', 'DEMO-4', 'DEMO-5', 'OPS-1', 'OPS-2']);
  });

  it('has no empty state and no ordering', () => {
    assert.deepEqual(errorsOf('status = EMPTY'), [
      "The field 'status' does not support searching for EMPTY values.",
    ]);
    assert.deepEqual(errorsOf('status in (Done, EMPTY)'), [
      "The field 'status' does not support searching for EMPTY values.",
    ]);
    assert.deepEqual(errorsOf('status is EMPTY'), [
      "The operator 'is' is not supported by the 'status' field.",
    ]);
    assert.deepEqual(errorsOf('status > "To Do"'), [
      "The operator '>' is not supported by the 'status' field.",
    ]);
    assert.deepEqual(errorsOf('status = Nope'), ["The value 'Nope' does not exist for the field 'status'."]);
  });

  it('matches status categories by name, key or id', () => {
    const done = ['DEMO-1', 'DEMO-10'];
    assert.deepEqual(keySet('statusCategory = Done'), done);
    assert.deepEqual(keySet('statusCategory = done'), done);
    assert.deepEqual(keySet('statusCategory = 3'), done);
    assert.deepEqual(keySet('statusCategory = indeterminate'), ['DEMO-2', 'DEMO-5', 'OPS-2']);
    assert.deepEqual(keySet('statusCategory in ("To Do", new)'), ['DEMO-3', 'DEMO-4', 'OPS-1']);
  });
});

describe('priority', () => {
  it('matches by name or id; != and NOT IN skip issues without a priority', () => {
    assert.deepEqual(keySet('priority = High'), ['DEMO-1', 'OPS-1']);
    assert.deepEqual(keySet('priority = 2'), ['DEMO-1', 'OPS-1']);
    assert.deepEqual(keySet('priority != Medium'), ['DEMO-1', 'DEMO-10', 'DEMO-2', 'DEMO-4', 'OPS-1']);
    assert.deepEqual(keySet('priority not in (Medium, High)'), ['DEMO-10', 'DEMO-2', 'DEMO-4']);
    assert.deepEqual(keySet('priority is EMPTY'), ['DEMO-5']);
    assert.deepEqual(keySet('priority = EMPTY'), ['DEMO-5']);
    assert.deepEqual(keySet('priority in (Highest, EMPTY)'), ['DEMO-2', 'DEMO-5']);
  });

  it('orders Highest above Lowest for the ordering operators', () => {
    assert.deepEqual(keySet('priority > Medium'), ['DEMO-1', 'DEMO-2', 'OPS-1']);
    assert.deepEqual(keySet('priority >= High'), ['DEMO-1', 'DEMO-2', 'OPS-1']);
    assert.deepEqual(keySet('priority < Medium'), ['DEMO-10', 'DEMO-4']);
    assert.deepEqual(keySet('priority <= Low'), ['DEMO-10', 'DEMO-4']);
  });

  it('refuses EMPTY with an ordering operator', () => {
    assert.deepEqual(errorsOf('priority < EMPTY'), [
      "Operator '<' does not support the empty value representation 'EMPTY' for field 'priority'.",
    ]);
  });
});

describe('resolution', () => {
  it('treats Unresolved as no resolution', () => {
    const unresolved = ['DEMO-2', 'DEMO-3', 'DEMO-4', 'DEMO-5', 'OPS-1', 'OPS-2'];
    assert.deepEqual(keySet('resolution = Unresolved'), unresolved);
    assert.deepEqual(keySet('resolution = "unresolved"'), unresolved);
    assert.deepEqual(keySet('resolution is EMPTY'), unresolved);
    assert.deepEqual(keySet('resolution != Unresolved'), ['DEMO-1', 'DEMO-10']);
    assert.deepEqual(keySet('resolution in (Unresolved, "Won\'t Do")'), [...unresolved, 'DEMO-10'].sort());
  });

  it('matches resolutions by name or id', () => {
    assert.deepEqual(keySet('resolution = Done'), ['DEMO-1']);
    assert.deepEqual(keySet('resolution = 10001'), ['DEMO-10']);
    assert.deepEqual(errorsOf('resolution = Fixed'), [
      "The value 'Fixed' does not exist for the field 'resolution'.",
    ]);
  });
});

describe('issuetype', () => {
  it('matches by name or id under both names', () => {
    assert.deepEqual(keySet('issuetype = Bug'), ['DEMO-4', 'OPS-2']);
    assert.deepEqual(keySet('type = bug'), ['DEMO-4', 'OPS-2']);
    assert.deepEqual(keySet('issuetype = 10004'), ['DEMO-4', 'OPS-2']);
    assert.deepEqual(keySet('type != Task'), ['DEMO-1', 'DEMO-10', 'DEMO-2', 'DEMO-4', 'DEMO-5', 'OPS-2']);
  });

  it('supports the issue type functions', () => {
    assert.deepEqual(keySet('issuetype in subTaskIssueTypes()'), ['DEMO-5']);
    assert.equal(keySet('issuetype in standardIssueTypes()').length, 7);
    assert.deepEqual(keySet('issuetype not in standardIssueTypes()'), ['DEMO-5']);
  });

  it('refuses user functions and unknown types', () => {
    assert.deepEqual(errorsOf('type = currentUser()'), [
      "A value provided by the function 'currentUser' is invalid for the field 'type'.",
    ]);
    assert.deepEqual(errorsOf('type = Saga'), ["The value 'Saga' does not exist for the field 'type'."]);
  });
});
