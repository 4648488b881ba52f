import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { createSandbox, type Flavor, type Sandbox } from '../../src/sandbox/index.js';
import { api, arr, assertConforms, call, FLAVORS, login, ORIGIN, obj, type Reply } from './helpers.js';

const work = mkdtempSync(join(tmpdir(), 'jirats-sb-attach-'));
after(() => rmSync(work, { recursive: true, force: true }));

const BYTES = new Uint8Array(1000).map((_v, i) => (i * 7) % 256);
const sha = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

/** POSTs a multipart upload with one `file` part per entry. */
async function upload(
  sb: Sandbox,
  path: string,
  headers: Record<string, string>,
  files: { name: string; data: Uint8Array }[],
): Promise<Reply> {
  const form = new FormData();
  for (const file of files) form.append('file', new Blob([file.data]), file.name);
  const res = await sb.fetch(`${ORIGIN}${path}`, { method: 'POST', headers, body: form });
  const text = await res.text();
  const json = (res.headers.get('content-type') ?? '').startsWith('application/json');
  return { status: res.status, headers: res.headers, body: json ? JSON.parse(text) : text || undefined };
}

const XSRF = { 'X-Atlassian-Token': 'no-check' };

/** Downloads the `content` URL of an attachment as `who` would, following Cloud's redirect by hand. */
async function content(
  sb: Sandbox,
  flavor: Flavor,
  url: string,
  headers: Record<string, string>,
): Promise<Response> {
  const first = await sb.fetch(url, { headers, redirect: 'manual' });
  if (flavor === 'datacenter') return first;
  assert.equal(first.status, 303);
  const location = first.headers.get('location') ?? '';
  assert.notEqual(new URL(location).origin, ORIGIN, 'the media host is another origin');
  // The media host is reached without credentials.
  return sb.fetch(location);
}

for (const flavor of FLAVORS) {
  describe(`sandbox attachments (${flavor})`, () => {
    const alice = login(flavor, 'alice');
    const issuePath = `${api(flavor)}/issue/DEMO-1`;

    it('upload, metadata, issue field, content and delete conform and round-trip', async () => {
      const sb = createSandbox({ flavor });
      try {
        const path = `${issuePath}/attachments`;
        const added = await upload(sb, path, { ...alice, ...XSRF }, [
          { name: 'data.bin', data: BYTES },
          { name: 'note.txt', data: new TextEncoder().encode('hello') },
        ]);
        assert.equal(added.status, 200);
        assertConforms(flavor, 'POST', path, added);
        const [bin, txt] = arr(added.body).map(obj);
        assert.ok(bin && txt);
        assert.equal(bin.filename, 'data.bin');
        assert.equal(bin.size, BYTES.length);
        assert.equal(txt.mimeType, 'text/plain');
        const id = String(bin.id);

        const meta = await call(sb, `${api(flavor)}/attachment/${id}`, { headers: alice });
        assert.equal(meta.status, 200);
        assertConforms(flavor, 'GET', `${api(flavor)}/attachment/${id}`, meta);
        assert.equal(obj(meta.body).filename, 'data.bin');
        assert.deepEqual(obj(meta.body).properties, {});

        const issue = await call(sb, `${issuePath}?fields=attachment`, { headers: alice });
        assertConforms(flavor, 'GET', issuePath, issue);
        const field = arr(obj(obj(issue.body).fields).attachment).map(obj);
        assert.deepEqual(
          field.map((a) => a.filename),
          ['data.bin', 'note.txt'],
        );

        const res = await content(sb, flavor, String(bin.content), alice);
        assert.equal(res.status, 200);
        assert.equal(sha(new Uint8Array(await res.arrayBuffer())), sha(BYTES));
        assert.match(res.headers.get('content-disposition') ?? '', /filename\*=UTF-8''data\.bin/);

        const meta2 = await call(sb, `${api(flavor)}/attachment/meta`, { headers: alice });
        assert.equal(meta2.status, 200);
        assertConforms(flavor, 'GET', `${api(flavor)}/attachment/meta`, meta2);

        const removed = await call(sb, `${api(flavor)}/attachment/${id}`, {
          method: 'DELETE',
          headers: alice,
        });
        assert.equal(removed.status, 204);
        assertConforms(flavor, 'DELETE', `${api(flavor)}/attachment/${id}`, removed);
        const gone = await call(sb, `${api(flavor)}/attachment/${id}`, { headers: alice });
        assert.equal(gone.status, 404);
        assertConforms(flavor, 'GET', `${api(flavor)}/attachment/${id}`, gone);

        const history = await call(sb, `${issuePath}?expand=changelog&fields=summary`, { headers: alice });
        const entries = arr(obj(obj(history.body).changelog).histories).map(obj);
        const items = entries.flatMap((h) => arr(h.items).map(obj)).filter((i) => i.field === 'Attachment');
        assert.equal(items.length, 3, 'two additions and one removal');
      } finally {
        await sb.close();
      }
    });

    it('refuses an upload without the XSRF header, over the size limit, or without permission', async () => {
      const sb = createSandbox({ flavor, maxAttachmentBytes: 100 });
      try {
        const path = `${issuePath}/attachments`;
        const small = [{ name: 'a.txt', data: new Uint8Array(10) }];
        const noToken = await upload(sb, path, alice, small);
        assert.equal(noToken.status, 403);
        assert.deepEqual(obj(noToken.body).errorMessages, ['XSRF check failed']);

        const big = await upload(sb, path, { ...alice, ...XSRF }, [{ name: 'b.bin', data: BYTES }]);
        // Cloud answers 413; Data Center documents 404 for a file over the limit.
        assert.equal(big.status, flavor === 'cloud' ? 413 : 404);
        assert.match(String(obj(big.body).errorMessages), /too large/);
        assertConforms(flavor, 'POST', path, big);

        // alice browses SECRET but may not edit it; bob cannot even see it.
        const secret = `${api(flavor)}/issue/SECRET-1/attachments`;
        const denied = await upload(sb, secret, { ...alice, ...XSRF }, small);
        assert.equal(denied.status, 403);
        assertConforms(flavor, 'POST', secret, denied);
        const hidden = await upload(sb, secret, { ...login(flavor, 'bob'), ...XSRF }, small);
        assert.equal(hidden.status, 404);

        const ok = await upload(sb, path, { ...alice, ...XSRF }, small);
        assert.equal(ok.status, 200);
        const id = String(obj(arr(ok.body)[0]).id);
        // bob may not delete alice's attachment (not the author, not an admin).
        const bobDelete = await call(sb, `${api(flavor)}/attachment/${id}`, {
          method: 'DELETE',
          headers: login(flavor, 'bob'),
        });
        assert.equal(bobDelete.status, 403);
        const anonymous = await call(sb, `${api(flavor)}/attachment/${id}`);
        assert.equal(anonymous.status, 404);
      } finally {
        await sb.close();
      }
    });

    it('keeps the bytes beside the data file across a restart', async () => {
      const dataFile = join(work, `${flavor}-state.json`);
      const first = createSandbox({ flavor, dataFile });
      let url = '';
      try {
        const added = await upload(first, `${issuePath}/attachments`, { ...alice, ...XSRF }, [
          { name: 'kept.bin', data: BYTES },
        ]);
        url = String(obj(arr(added.body)[0]).content);
      } finally {
        await first.close();
      }
      assert.ok(existsSync(`${dataFile}.attachments`));
      const second = createSandbox({ flavor, dataFile });
      try {
        const res = await content(second, flavor, url, alice);
        assert.equal(sha(new Uint8Array(await res.arrayBuffer())), sha(BYTES));
      } finally {
        await second.close();
      }
    });
  });
}

describe('sandbox attachment content (cloud media host)', () => {
  it('serves the bytes only with a valid signed link', async () => {
    const sb = createSandbox({ flavor: 'cloud' });
    try {
      const alice = login('cloud', 'alice');
      const added = await upload(sb, '/rest/api/3/issue/DEMO-1/attachments', { ...alice, ...XSRF }, [
        { name: 'x.bin', data: BYTES },
      ]);
      const contentUrl = String(obj(arr(added.body)[0]).content);
      const redirect = await sb.fetch(contentUrl, { headers: alice, redirect: 'manual' });
      const location = new URL(redirect.headers.get('location') ?? '');
      const forged = new URL(location);
      forged.searchParams.set('token', 'forged');
      assert.equal((await sb.fetch(forged)).status, 403);
      const unsigned = new URL(location.pathname, location.origin);
      assert.equal((await sb.fetch(unsigned)).status, 403);
      assert.equal((await sb.fetch(location)).status, 200);
      // redirect=false serves the bytes directly to the signed-in caller.
      const direct = await sb.fetch(`${contentUrl}?redirect=false`, { headers: alice });
      assert.equal(sha(new Uint8Array(await direct.arrayBuffer())), sha(BYTES));
    } finally {
      await sb.close();
    }
  });
});
