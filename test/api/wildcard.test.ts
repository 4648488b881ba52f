import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { globMatches, matchesAny } from '../../src/api/wildcard.js';

describe('wildcard patterns', () => {
  it('match * and ? ignoring case; every other character is literal', () => {
    assert.equal(globMatches('*.PNG', 'shot.png'), true);
    assert.equal(globMatches('a?c', 'abc'), true);
    assert.equal(globMatches('a?c', 'ac'), false);
    assert.equal(globMatches('a*b*c', 'aXbYbZc'), true);
    assert.equal(globMatches('a*b*c', 'aXbYbZ'), false);
    assert.equal(globMatches('[x].(y)', '[x].(y)'), true);
    assert.equal(globMatches('a?c', 'a?c', false), true);
    assert.equal(globMatches('a?c', 'abc', false), false);
    assert.equal(matchesAny('x', []), true);
  });

  it('a pattern of any length is matched (no regular expression to overflow)', () => {
    const name = 'DEMO-1,'.repeat(10_000);
    assert.equal(globMatches(`${name}*`, name), true);
    assert.equal(globMatches(`*${'DEMO-1,*'.repeat(10_000)}`, name), true);
    assert.equal(matchesAny('report.txt', [`${'x'.repeat(60_000)}*`]), false);
  });
});
