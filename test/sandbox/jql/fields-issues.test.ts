import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { context, errorsOf, ISSUES, keySet, keys, makeIssue } from './fixtures.js';

describe('issue key and id', () => {
  it('match keys in any case under every alias, and ids', () => {
    for (const field of ['key', 'issuekey', 'issue', 'id']) {
      assert.deepEqual(keySet(`${field} = demo-4`), ['DEMO-4'], field);
    }
    assert.deepEqual(keySet('id = 10003'), ['DEMO-4']);
    assert.deepEqual(keySet('key = "10003"'), ['DEMO-4']);
    assert.deepEqual(keySet('key in (DEMO-1, OPS-2, 10001)'), ['DEMO-1', 'DEMO-2', 'OPS-2']);
    assert.equal(keySet('key not in (DEMO-1)').length, 7);
    assert.equal(keySet('key != DEMO-1').length, 7);
  });

  it('report missing issues and malformed keys', () => {
    assert.deepEqual(errorsOf('key = DEMO-99'), [
      "An issue with key 'DEMO-99' does not exist for field 'key'.",
    ]);
    assert.deepEqual(errorsOf('issuekey = nonsense'), [
      "The issue key 'nonsense' for field 'issuekey' is invalid.",
    ]);
    assert.deepEqual(errorsOf('id = 99999'), ["A value with ID '99999' does not exist for the field 'id'."]);
  });

  it('compare key numbers within one project, numerically', () => {
    assert.deepEqual(keys('key > DEMO-4 order by key asc'), ['DEMO-5', 'DEMO-10']);
    assert.deepEqual(keys('key <= DEMO-2 order by key'), ['DEMO-1', 'DEMO-2']);
    assert.deepEqual(keys('key >= DEMO-9 order by key'), ['DEMO-10']);
    assert.deepEqual(keys('key < 10007 order by key'), ['OPS-1']);
  });

  it('have no empty state', () => {
    assert.deepEqual(errorsOf('key is EMPTY'), ["The operator 'is' is not supported by the 'key' field."]);
    assert.deepEqual(errorsOf('key in (DEMO-1, EMPTY)'), [
      "The field 'key' does not support searching for EMPTY values.",
    ]);
  });

  it('see only the issues searched (hidden issues do not exist)', () => {
    const visible = ISSUES.filter((i) => i.projectKey === 'DEMO');
    assert.deepEqual(errorsOf('key = OPS-1', context(), visible), [
      "An issue with key 'OPS-1' does not exist for field 'key'.",
    ]);
  });
});

describe('parent', () => {
  it('matches by parent key or id, and EMPTY for issues without one', () => {
    assert.deepEqual(keySet('parent = DEMO-2'), ['DEMO-5']);
    assert.deepEqual(keySet('parent = 10001'), ['DEMO-5']);
    assert.deepEqual(keySet('parent in (DEMO-1, DEMO-2)'), ['DEMO-5']);
    assert.equal(keySet('parent is EMPTY').length, 7);
    assert.deepEqual(keySet('parent is not EMPTY'), ['DEMO-5']);
    assert.deepEqual(keySet('parent != DEMO-1'), ['DEMO-5']);
  });

  it('reports a parent that does not exist', () => {
    assert.deepEqual(errorsOf('parent = DEMO-77'), [
      "An issue with key 'DEMO-77' does not exist for field 'parent'.",
    ]);
  });

  it('follows epic children too', () => {
    const child = makeIssue({ id: 20000, key: 'DEMO-20', parentKey: 'DEMO-1' });
    assert.deepEqual(keySet('parent = DEMO-1', context(), [...ISSUES, child]), ['DEMO-20']);
  });
});
