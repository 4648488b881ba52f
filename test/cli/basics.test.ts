import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { errLines, ROOT, TestHome } from './helpers/cli.js';

const home = new TestHome();
after(() => home.cleanup());

const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

describe('version and help', () => {
  it('--version and -V print the package version', async () => {
    for (const flag of ['--version', '-V']) {
      const r = await home.run([flag]);
      assert.equal(r.code, 0);
      assert.equal(r.stdout, `${VERSION}\n`);
      assert.equal(r.stderr, '');
    }
  });

  it('no arguments prints the help with every command on stdout', async () => {
    const r = await home.run([]);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^Usage: jirats/);
    for (const noun of ['issue', 'session', 'server', 'user', 'invoke', 'config', 'headers-log', 'sandbox']) {
      assert.match(r.stdout, new RegExp(`\\n  ${noun}\\b`), `help lists ${noun}`);
    }
    assert.match(r.stdout, /Exit codes:/);
  });

  it('every command has help with examples', async () => {
    const commands = [
      ['issue', 'get'],
      ['issue', 'search'],
      ['session', 'new'],
      ['session', 'show'],
      ['session', 'remove'],
      ['server', 'info'],
      ['user', 'me'],
      ['invoke'],
      ['config', 'server', 'set'],
      ['config', 'server', 'get'],
      ['config', 'profile', 'add'],
      ['config', 'profile', 'use'],
      ['config', 'profile', 'list'],
      ['config', 'profile', 'remove'],
      ['headers-log', 'set'],
      ['headers-log', 'get'],
      ['headers-log', 'disable'],
      ['sandbox', 'start'],
    ];
    for (const words of commands) {
      const r = await home.run([...words, '--help']);
      assert.equal(r.code, 0, words.join(' '));
      assert.match(r.stdout, new RegExp(`Usage: jirats ${words.join(' ')}`));
      assert.match(r.stdout, /Examples:\n {2}\$ jirats /, `${words.join(' ')} has examples`);
    }
  });

  it('a noun without a verb shows its help and exits 2', async () => {
    const r = await home.run(['issue']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /Usage: jirats issue/);
  });
});

describe('usage errors exit 2 with one line on stderr', () => {
  it('unknown command', async () => {
    const r = await home.run(['frobnicate']);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.deepEqual(errLines(r), ["jirats: unknown command 'frobnicate'", 'hint: see `jirats --help`']);
  });

  it('a misspelt command gets a suggestion', async () => {
    const r = await home.run(['isue', 'get', 'DEMO-1']);
    assert.equal(r.code, 2);
    assert.deepEqual(errLines(r), ["jirats: unknown command 'isue'", 'hint: did you mean issue?']);
  });

  it('unknown option', async () => {
    const r = await home.run(['issue', 'get', 'DEMO-1', '--frob']);
    assert.equal(r.code, 2);
    assert.deepEqual(errLines(r), ["jirats: unknown option '--frob'", 'hint: see `jirats issue --help`']);
  });

  it('a bad option value', async () => {
    const r = await home.run(['server', 'info', '-o', 'xml', '--server', 'https://jira.example.com']);
    assert.equal(r.code, 2);
    assert.match(errLines(r)[0] ?? '', /^jirats: option '-o, --output <format>' argument 'xml' is invalid/);
  });

  it('no server configured', async () => {
    const r = await home.run(['issue', 'get', 'DEMO-1']);
    assert.equal(r.code, 2);
    assert.equal(errLines(r)[0], 'jirats: no Jira server configured');
    assert.match(errLines(r)[1] ?? '', /^hint: pass --server URL/);
  });

  it('malformed server URL', async () => {
    for (const bad of ['not a url', 'ftp://jira.example.com', 'https://jira.example.com/?x=1']) {
      const r = await home.run(['server', 'info', '--server', bad]);
      assert.equal(r.code, 2, bad);
      assert.match(errLines(r)[0] ?? '', /^jirats: malformed server URL/, bad);
    }
  });

  it('a server URL with credentials in it is refused without echoing them', async () => {
    const r = await home.run(['server', 'info', '--server', 'https://jdoe:hunter22@jira.example.com']);
    assert.equal(r.code, 2);
    assert.doesNotMatch(r.stderr, /hunter22/);
  });

  it('credentials are not accepted as option values', async () => {
    const r = await home.run(['server', 'info', '--server', 'https://jira.example.com', '--password', 'x']);
    assert.equal(r.code, 2);
    assert.equal(errLines(r)[0], "jirats: unknown option '--password'");
  });

  it('two authentication methods at once', async () => {
    const r = await home.run(['user', 'me', '--server', 'http://127.0.0.1:9', '--user', 'a', '--pat-stdin'], {
      input: 'x',
    });
    assert.equal(r.code, 2);
    assert.equal(errLines(r)[0], 'jirats: choose one way to authenticate');
  });

  it('--password-stdin with nothing piped', async () => {
    const r = await home.run([
      'user',
      'me',
      '--server',
      'http://127.0.0.1:9',
      '--user',
      'a',
      '--password-stdin',
    ]);
    assert.equal(r.code, 2);
    assert.equal(errLines(r)[0], 'jirats: --password-stdin: nothing was read from stdin');
  });

  it('a password is needed but none is given and there is no terminal to ask', async () => {
    const r = await home.run(['user', 'me', '--server', 'http://127.0.0.1:9', '--user', 'a']);
    assert.equal(r.code, 2);
    assert.equal(errLines(r)[0], 'jirats: no password given for user a');
  });

  it('an invalid --timeout', async () => {
    const r = await home.run(['server', 'info', '--server', 'http://127.0.0.1:9', '--timeout', 'soon']);
    assert.equal(r.code, 2);
    assert.match(errLines(r)[0] ?? '', /--timeout <seconds>' argument 'soon' is invalid/);
  });
});
