import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rememberBasic, rememberSecret, scrub } from '../../src/cli/io/scrub.js';

describe('scrub (the last mask on stderr)', () => {
  it('masks a remembered secret as is, URL-encoded, form-encoded and in base64', () => {
    const secret = 'tok en/+%-0123456789';
    rememberSecret(secret);
    const b64 = Buffer.from(secret).toString('base64');
    for (const form of [
      secret,
      encodeURIComponent(secret),
      new URLSearchParams({ s: secret }).toString().slice(2),
      b64,
      b64.replace(/=+$/, ''),
      Buffer.from(secret).toString('base64url'),
    ]) {
      assert.equal(scrub(`before ${form} after`), 'before *** after', form);
    }
  });

  it('masks the base64 `user:secret` pair of a Basic credential, even URL-encoded in an echoed header', () => {
    rememberBasic('alice@example.com', 'apitok-0123456789abcdef');
    const basic = Buffer.from('alice@example.com:apitok-0123456789abcdef').toString('base64');
    const echoed = encodeURIComponent(`authorization=Basic ${basic}; accept=*`);
    assert.doesNotMatch(scrub(echoed), new RegExp(basic.replace(/=+$/, '')));
    assert.equal(scrub(`Basic ${basic}`), 'Basic ***');
    assert.equal(scrub('short words stay'), 'short words stay');
  });
});
