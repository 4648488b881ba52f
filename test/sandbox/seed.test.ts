import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generateLoadIssues } from '../../src/sandbox/generate.js';
import { ISSUE_TYPES, STATUSES } from '../../src/sandbox/model.js';
import { seedState } from '../../src/sandbox/seed.js';

describe('seed', () => {
  it('is the same on every call', () => {
    assert.deepEqual(seedState(), seedState());
  });

  it('numbers DEMO from id 10000 and keeps SECRET to its two issues', () => {
    const state = seedState();
    const demo = state.issues.filter((i) => i.projectKey === 'DEMO');
    assert.equal(demo.length, 30);
    assert.equal(demo[0]?.key, 'DEMO-1');
    assert.equal(demo[0]?.id, 10000);
    assert.equal(demo[29]?.id, 10029);
    const secret = state.issues.filter((i) => i.projectKey === 'SECRET');
    assert.deepEqual(
      secret.map((i) => i.key),
      ['SECRET-1', 'SECRET-2'],
    );
    assert.deepEqual(state.projects.find((p) => p.key === 'SECRET')?.browsers, ['alice']);
    assert.equal(state.projects.find((p) => p.key === 'DEMO')?.counter, 31);
    const ids = [
      ...state.issues.map((i) => i.id),
      ...state.issues.flatMap((i) => i.comments.map((c) => c.id)),
    ];
    assert.equal(new Set(ids).size, ids.length, 'ids are unique');
    assert.ok(state.nextId > Math.max(...ids));
  });

  it('varies types, statuses, assignees and resolutions consistently', () => {
    const demo = seedState().issues.filter((i) => i.projectKey === 'DEMO');
    assert.equal(new Set(demo.map((i) => i.issueTypeId)).size, ISSUE_TYPES.length);
    assert.equal(new Set(demo.map((i) => i.statusId)).size, STATUSES.length);
    assert.ok(demo.some((i) => i.assignee === null));
    const done = new Set(STATUSES.filter((s) => s.categoryId === 3).map((s) => s.id));
    for (const issue of demo) {
      // Resolved exactly when in a done status; the last status change matches the current status.
      assert.equal(issue.resolutionId !== null, done.has(issue.statusId), issue.key);
      const last = issue.changelog.at(-1)?.items[0];
      if (last) assert.equal(last.to, issue.statusId, issue.key);
      assert.ok(issue.updated >= issue.created);
    }
    assert.ok(
      demo.some((i) => i.comments.length > 20),
      'one issue has more comments than Cloud embeds',
    );
  });

  it('generates LOAD issues deterministically, one generator per issue number', () => {
    const a = seedState();
    const b = seedState();
    assert.equal(generateLoadIssues(a, 50), 50);
    generateLoadIssues(b, 20);
    assert.equal(generateLoadIssues(b, 50), 30);
    const strip = (s: typeof a) =>
      s.issues.filter((i) => i.projectKey === 'LOAD').map((i) => ({ ...i, id: 0 }));
    assert.deepEqual(strip(a), strip(b));
    assert.equal(generateLoadIssues(a, 10), 0);
  });
});
