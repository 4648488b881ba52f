import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { InputError, Jira, NetworkError, NotFoundError } from '../../src/index.js';
import { createSandbox, DEMO_CREDENTIALS, type Sandbox } from '../../src/sandbox/index.js';
import { CREDS, recordingFetch, SANDBOX_URL, type SentRequest } from '../client/helpers/sandbox.js';

const FLAVORS = ['cloud', 'datacenter'] as const;
const ALICE_NAME = DEMO_CREDENTIALS.find((c) => c.user === 'alice')?.displayName;
type Flavor = (typeof FLAVORS)[number];

const work = mkdtempSync(join(tmpdir(), 'jirats-attach-'));
after(() => rmSync(work, { recursive: true, force: true }));

/** Every byte value, several times over, so any text decoding on the way would show. */
const BINARY = new Uint8Array(4096).map((_v, i) => i % 256);
const sha = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

function freshDir(): string {
  return mkdtempSync(join(work, 'd-'));
}

type Wrap = (fetch: Sandbox['fetch']) => Sandbox['fetch'];

async function withClient(
  flavor: Flavor,
  body: (ctx: { jira: Jira; sent: SentRequest[]; sb: Sandbox }) => Promise<void>,
  wrap: Wrap = (f) => f,
): Promise<void> {
  const sb = createSandbox({ flavor });
  const { fetch, sent } = recordingFetch(wrap(sb.fetch));
  const jira = new Jira({
    server: SANDBOX_URL,
    fetch,
    allowInsecureHttp: true,
    retry: { retries: 0 },
    deployment: flavor,
    auth: flavor === 'cloud' ? CREDS.cloudToken('alice') : CREDS.dcBasic('alice'),
  });
  try {
    await body({ jira, sent, sb });
  } finally {
    await sb.close();
  }
}

/** A fetch whose content downloads deliver the first chunk and then fail (or call `onChunk`). */
function cutContent(onFirstChunk: (controller: ReadableStreamDefaultController<Uint8Array>) => void): Wrap {
  return (inner) => async (input, init) => {
    const res = await inner(input, init);
    const url = String(input);
    if (!/\/secure\/attachment\/|\/media\/attachment\//.test(url) || !res.body) return res;
    const reader = res.body.getReader();
    let first = true;
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (!first) return; // never more: the fault or the abort ends the download
        first = false;
        const { value } = await reader.read();
        controller.enqueue((value ?? new Uint8Array(1)).slice(0, 100));
        onFirstChunk(controller);
      },
    });
    return new Response(body, { status: res.status, headers: res.headers });
  };
}

for (const flavor of FLAVORS) {
  describe(`issue attachments (${flavor})`, () => {
    it('round-trips a binary file with a non-ASCII name byte for byte', async () => {
      const src = freshDir();
      const file = join(src, 'größe-日本.bin');
      writeFileSync(file, BINARY);
      await withClient(flavor, async ({ jira, sent }) => {
        const [added, ...rest] = await jira.issues.attachments.add('DEMO-3', [file]);
        assert.equal(rest.length, 0);
        assert.ok(added);
        assert.equal(added.filename, 'größe-日本.bin');
        assert.equal(added.size, BINARY.length);
        assert.match(added.id, /^\d+$/);
        assert.equal(added.author?.displayName, ALICE_NAME);
        const post = sent.find((r) => r.method === 'POST');
        assert.equal(post?.headers.get('x-atlassian-token'), 'no-check');

        const listed = await jira.issues.attachments.list('DEMO-3');
        assert.deepEqual(
          listed.map((a) => a.id),
          [added.id],
        );
        const meta = await jira.issues.attachments.get(added.id);
        assert.equal(meta.id, added.id);
        assert.equal(meta.filename, added.filename);

        const dir = freshDir();
        const written = await jira.issues.attachments.download(added, { dir });
        assert.equal(written, join(dir, 'größe-日本.bin'));
        assert.equal(sha(readFileSync(written)), sha(BINARY));
        assert.deepEqual(readdirSync(dir), ['größe-日本.bin']);

        // By id, to an exact path.
        const exact = join(dir, 'copy.bin');
        assert.equal(await jira.issues.attachments.download(added.id, { file: exact }), exact);
        assert.equal(sha(readFileSync(exact)), sha(BINARY));
      });
    });

    it('attaches several files in one request and lists them by wildcard', async () => {
      const src = freshDir();
      writeFileSync(join(src, 'notes.txt'), 'plain text\n');
      writeFileSync(join(src, 'raw.dat'), BINARY.subarray(0, 10));
      await withClient(flavor, async ({ jira, sent }) => {
        const added = await jira.issues.attachments.add('DEMO-4', [
          join(src, 'notes.txt'),
          { path: join(src, 'raw.dat'), name: 'Renamed.DAT' },
          { name: 'table.csv', data: new TextEncoder().encode('a,b\n1,2\n') },
        ]);
        assert.deepEqual(
          added.map((a) => a.filename),
          ['notes.txt', 'Renamed.DAT', 'table.csv'],
        );
        assert.equal(sent.filter((r) => r.method === 'POST').length, 1);
        assert.equal(added[0]?.mimeType, 'text/plain');
        assert.equal(added[2]?.mimeType, 'text/csv');

        const names = async (name: string | string[]) =>
          (await jira.issues.attachments.list('DEMO-4', { name })).map((a) => a.filename);
        assert.deepEqual(await names('*.TXT'), ['notes.txt']);
        assert.deepEqual(await names(['renamed.???', 'TABLE*']), ['Renamed.DAT', 'table.csv']);
        assert.deepEqual(await names('no*match'), []);
        assert.equal((await jira.issues.attachments.list('DEMO-4')).length, 3);
      });
    });

    it('refuses a missing file or a folder before sending anything', async () => {
      const src = freshDir();
      writeFileSync(join(src, 'ok.txt'), 'fine');
      mkdirSync(join(src, 'folder'));
      await withClient(flavor, async ({ jira, sent }) => {
        await assert.rejects(
          jira.issues.attachments.add('DEMO-3', [join(src, 'ok.txt'), join(src, 'missing.txt')]),
          (e: unknown) => e instanceof InputError && /no such file/.test(e.message),
        );
        await assert.rejects(
          jira.issues.attachments.add('DEMO-3', [join(src, 'folder')]),
          (e: unknown) => e instanceof InputError && /folder/.test(e.message),
        );
        await assert.rejects(jira.issues.attachments.add('DEMO-3', []), InputError);
        assert.equal(sent.length, 0);
      });
    });

    it('reports a missing issue and a missing attachment as NotFoundError', async () => {
      const src = freshDir();
      writeFileSync(join(src, 'a.txt'), 'x');
      await withClient(flavor, async ({ jira }) => {
        await assert.rejects(jira.issues.attachments.add('DEMO-9999', [join(src, 'a.txt')]), NotFoundError);
        await assert.rejects(jira.issues.attachments.list('DEMO-9999'), NotFoundError);
        await assert.rejects(jira.issues.attachments.get('99999'), NotFoundError);
        await assert.rejects(jira.issues.attachments.download('99999', { dir: src }), NotFoundError);
      });
    });

    it('removes an attachment', async () => {
      await withClient(flavor, async ({ jira }) => {
        const [added] = await jira.issues.attachments.add('DEMO-5', [
          { name: 'gone.txt', data: new TextEncoder().encode('bye') },
        ]);
        assert.ok(added);
        await jira.issues.attachments.remove(added.id);
        assert.deepEqual(await jira.issues.attachments.list('DEMO-5'), []);
        await assert.rejects(jira.issues.attachments.get(added.id), NotFoundError);
      });
    });

    it('refuses to overwrite an existing file unless asked', async () => {
      await withClient(flavor, async ({ jira }) => {
        const [added] = await jira.issues.attachments.add('DEMO-6', [
          { name: 'same.txt', data: new TextEncoder().encode('new content') },
        ]);
        assert.ok(added);
        const dir = freshDir();
        writeFileSync(join(dir, 'same.txt'), 'old content');
        await assert.rejects(jira.issues.attachments.download(added, { dir }), InputError);
        assert.equal(readFileSync(join(dir, 'same.txt'), 'utf8'), 'old content');
        await jira.issues.attachments.download(added, { dir }, { overwrite: true });
        assert.equal(readFileSync(join(dir, 'same.txt'), 'utf8'), 'new content');
        assert.deepEqual(readdirSync(dir), ['same.txt']);
      });
    });

    it('keeps a server-chosen name inside the target folder', async () => {
      await withClient(flavor, async ({ jira }) => {
        const [added] = await jira.issues.attachments.add('DEMO-6', [
          { name: '../escape.txt', data: new TextEncoder().encode('x') },
        ]);
        assert.ok(added);
        const dir = freshDir();
        const written = await jira.issues.attachments.download(added, { dir });
        assert.equal(written, join(dir, 'escape.txt'));
      });
    });

    it('leaves no file behind when the connection fails mid-download', async () => {
      const fault: Wrap = cutContent((controller) => controller.error(new TypeError('terminated')));
      await withClient(
        flavor,
        async ({ jira }) => {
          const [added] = await jira.issues.attachments.add('DEMO-7', [{ name: 'big.bin', data: BINARY }]);
          assert.ok(added);
          const dir = freshDir();
          await assert.rejects(jira.issues.attachments.download(added, { dir }), NetworkError);
          assert.deepEqual(readdirSync(dir), []);
        },
        fault,
      );
    });

    it('leaves no file behind when the caller aborts mid-download', async () => {
      const controller = new AbortController();
      const abort: Wrap = cutContent(() => controller.abort(new Error('stopped by the test')));
      await withClient(
        flavor,
        async ({ jira }) => {
          const [added] = await jira.issues.attachments.add('DEMO-7', [{ name: 'big.bin', data: BINARY }]);
          assert.ok(added);
          const dir = freshDir();
          await assert.rejects(
            jira.issues.attachments.download(added, { dir }, { signal: controller.signal }),
            /stopped by the test/,
          );
          assert.deepEqual(readdirSync(dir), []);
        },
        abort,
      );
    });

    it('fetches the content with credentials only where Jira serves it', async () => {
      await withClient(flavor, async ({ jira, sent }) => {
        const [added] = await jira.issues.attachments.add('DEMO-8', [{ name: 'c.bin', data: BINARY }]);
        assert.ok(added);
        sent.length = 0;
        await jira.issues.attachments.download(added, { dir: freshDir() });
        if (flavor === 'cloud') {
          assert.equal(sent.length, 2, 'the content URL, then the media host it redirects to');
          assert.match(sent[0]?.url ?? '', /\/rest\/api\/3\/attachment\/content\/\d+$/);
          assert.ok(sent[0]?.headers.has('authorization'));
          const media = new URL(sent[1]?.url ?? '');
          assert.notEqual(media.origin, SANDBOX_URL);
          assert.equal(sent[1]?.headers.has('authorization'), false);
          assert.equal(sent[1]?.headers.has('cookie'), false);
        } else {
          assert.equal(sent.length, 1);
          assert.match(sent[0]?.url ?? '', /\/secure\/attachment\/\d+\/c\.bin$/);
          assert.ok(sent[0]?.headers.has('authorization'));
        }
      });
    });
  });
}
