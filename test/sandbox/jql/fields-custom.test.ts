import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { context, errorsOf, keySet, keys, makeIssue } from './fixtures.js';

const registered = context({
  customFields: [
    { id: 'customfield_10010', name: 'Story Points' },
    { id: 'customfield_10020', name: 'Colour' },
    { id: 'customfield_10030', name: 'Target' },
  ],
});

describe('custom fields', () => {
  it('compare numbers through cf[NNNNN] and customfield_NNNNN', () => {
    assert.deepEqual(keySet('cf[10010] = 8'), ['DEMO-1']);
    assert.deepEqual(keySet('customfield_10010 = 8'), ['DEMO-1']);
    assert.deepEqual(keySet('"cf[10010]" = 8'), ['DEMO-1']);
    assert.deepEqual(keySet('cf[10010] > 4'), ['DEMO-1', 'DEMO-4']);
    assert.deepEqual(keySet('cf[10010] <= 5'), ['DEMO-2', 'DEMO-4']);
    assert.deepEqual(keySet('cf[10010] in (3, 5)'), ['DEMO-2', 'DEMO-4']);
    assert.deepEqual(keySet('cf[10010] != 3'), ['DEMO-1', 'DEMO-4']);
    assert.deepEqual(keySet('cf[10010] is EMPTY').length, 5);
  });

  it('match option objects by value or id, ignoring case', () => {
    assert.deepEqual(keySet('cf[10020] = red'), ['DEMO-2']);
    assert.deepEqual(keySet('cf[10020] = 10100'), ['DEMO-2']);
    assert.deepEqual(keySet('cf[10020] ~ "re*"'), ['DEMO-2']);
  });

  it('accept registered display names', () => {
    assert.deepEqual(keySet('"Story Points" >= 5', registered), ['DEMO-1', 'DEMO-4']);
    assert.deepEqual(keys('"story points" is not empty ORDER BY "Story Points" DESC', registered), [
      'DEMO-1',
      'DEMO-4',
      'DEMO-2',
    ]);
    assert.deepEqual(keySet('cf[10030] is EMPTY', registered).length, 8);
  });

  it('refuse unknown custom fields', () => {
    assert.deepEqual(errorsOf('cf[99999] = 1'), [
      "Field 'cf[99999]' does not exist or you do not have permission to view it.",
    ]);
    assert.deepEqual(errorsOf('"Story Points" = 1'), [
      "Field 'Story Points' does not exist or you do not have permission to view it.",
    ]);
    assert.deepEqual(errorsOf('cf[10010] = 1', context({ customFields: [] })), [
      "Field 'cf[10010]' does not exist or you do not have permission to view it.",
    ]);
  });

  it('compare dates and user functions when the values are dates or users', () => {
    const issues = [
      makeIssue({
        id: 1,
        key: 'X-1',
        customFields: { customfield_10040: '2026-01-02', customfield_10050: 'alice' },
      }),
      makeIssue({
        id: 2,
        key: 'X-2',
        customFields: { customfield_10040: '2026-02-02', customfield_10050: 'bob' },
      }),
    ];
    assert.deepEqual(keySet('cf[10040] > 2026-01-15', context(), issues), ['X-2']);
    assert.deepEqual(keySet('cf[10040] < startOfMonth()', context(), issues), []);
    assert.deepEqual(keySet('cf[10050] = currentUser()', context(), issues), ['X-1']);
    assert.deepEqual(keys('ORDER BY cf[10040] DESC', context(), issues), ['X-2', 'X-1']);
  });
});
