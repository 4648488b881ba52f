import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { keys } from './fixtures.js';

describe('ORDER BY', () => {
  it('defaults to key descending, numerically within a project', () => {
    assert.deepEqual(keys('project = DEMO'), ['DEMO-10', 'DEMO-5', 'DEMO-4', 'DEMO-3', 'DEMO-2', 'DEMO-1']);
    assert.deepEqual(keys(''), [
      'OPS-2',
      'OPS-1',
      'DEMO-10',
      'DEMO-5',
      'DEMO-4',
      'DEMO-3',
      'DEMO-2',
      'DEMO-1',
    ]);
  });

  it('sorts by key ascending', () => {
    assert.deepEqual(keys('ORDER BY key ASC'), [
      'DEMO-1',
      'DEMO-2',
      'DEMO-3',
      'DEMO-4',
      'DEMO-5',
      'DEMO-10',
      'OPS-1',
      'OPS-2',
    ]);
    assert.deepEqual(keys('ORDER BY id DESC'), [
      'OPS-2',
      'OPS-1',
      'DEMO-10',
      'DEMO-5',
      'DEMO-4',
      'DEMO-3',
      'DEMO-2',
      'DEMO-1',
    ]);
  });

  it('uses newest first for dates when no direction is given', () => {
    const newest = ['OPS-2', 'DEMO-5', 'DEMO-4', 'DEMO-3', 'DEMO-2', 'OPS-1', 'DEMO-1', 'DEMO-10'];
    assert.deepEqual(keys('ORDER BY created'), newest);
    assert.deepEqual(keys('ORDER BY created DESC'), newest);
    assert.deepEqual(keys('ORDER BY createdDate ASC'), [...newest].reverse());
  });

  it('sorts priority by rank (highest first by default), empty values after all others ascending', () => {
    assert.deepEqual(keys('ORDER BY priority'), [
      'DEMO-5',
      'DEMO-2',
      'OPS-1',
      'DEMO-1',
      'OPS-2',
      'DEMO-3',
      'DEMO-4',
      'DEMO-10',
    ]);
    assert.deepEqual(keys('ORDER BY priority ASC'), [
      'DEMO-10',
      'DEMO-4',
      'OPS-2',
      'DEMO-3',
      'OPS-1',
      'DEMO-1',
      'DEMO-2',
      'DEMO-5',
    ]);
  });

  it('breaks ties by the later keys, then applies further sort fields', () => {
    assert.deepEqual(keys('project = DEMO ORDER BY status'), [
      'DEMO-4',
      'DEMO-3',
      'DEMO-5',
      'DEMO-2',
      'DEMO-10',
      'DEMO-1',
    ]);
    assert.deepEqual(keys('project = DEMO ORDER BY status, key ASC'), [
      'DEMO-3',
      'DEMO-4',
      'DEMO-2',
      'DEMO-5',
      'DEMO-1',
      'DEMO-10',
    ]);
  });

  it('sorts users by display name and dates with empty values last ascending', () => {
    assert.deepEqual(keys('ORDER BY assignee ASC, key ASC'), [
      'DEMO-10',
      'DEMO-1',
      'DEMO-4',
      'OPS-1',
      'DEMO-2',
      'DEMO-5',
      'DEMO-3',
      'OPS-2',
    ]);
    assert.deepEqual(keys('ORDER BY due ASC, key'), [
      'DEMO-10',
      'DEMO-1',
      'DEMO-5',
      'DEMO-4',
      'DEMO-2',
      'OPS-1',
      'DEMO-3',
      'OPS-2',
    ]);
    assert.deepEqual(keys('ORDER BY due DESC, key ASC'), [
      'DEMO-3',
      'OPS-2',
      'OPS-1',
      'DEMO-2',
      'DEMO-4',
      'DEMO-5',
      'DEMO-1',
      'DEMO-10',
    ]);
  });

  it('sorts reference fields by their configured order', () => {
    assert.deepEqual(keys('ORDER BY type, key'), [
      'DEMO-1',
      'DEMO-2',
      'DEMO-10',
      'DEMO-3',
      'OPS-1',
      'DEMO-5',
      'DEMO-4',
      'OPS-2',
    ]);
    assert.deepEqual(keys('ORDER BY statusCategory, key'), [
      'DEMO-3',
      'DEMO-4',
      'OPS-1',
      'DEMO-2',
      'DEMO-5',
      'OPS-2',
      'DEMO-1',
      'DEMO-10',
    ]);
    assert.deepEqual(keys('resolution is not EMPTY ORDER BY resolution DESC'), ['DEMO-10', 'DEMO-1']);
    assert.deepEqual(keys('ORDER BY project DESC, key ASC').slice(0, 2), ['OPS-1', 'OPS-2']);
  });

  it('sorts text, versions, components and parents', () => {
    assert.deepEqual(keys('ORDER BY summary'), [
      'DEMO-4',
      'OPS-2',
      'DEMO-10',
      'DEMO-2',
      'DEMO-1',
      'OPS-1',
      'DEMO-3',
      'DEMO-5',
    ]);
    assert.deepEqual(keys('fixVersion is not EMPTY ORDER BY fixVersion'), [
      'DEMO-1',
      'DEMO-2',
      'DEMO-10',
      'DEMO-4',
    ]);
    assert.deepEqual(keys('component is not EMPTY ORDER BY component, key'), ['DEMO-1', 'DEMO-2', 'DEMO-4']);
    assert.deepEqual(keys('ORDER BY parent, key').slice(0, 2), ['DEMO-5', 'DEMO-1']);
  });
});
