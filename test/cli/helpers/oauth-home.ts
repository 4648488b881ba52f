/** What the OAuth tests read back from a test home: stored credentials, the config, leaks in output. */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { CliResult, TestHome } from './cli.js';

/** The sandbox's demo OAuth 2.0 app. */
export const DEMO_APP = { clientId: 'demo-app', clientSecret: 'demo-app-secret' };
export const SANDBOX_CLOUD_ID = '11111111-2222-4333-8444-555555555555';

/** `jirats login --oauth2` against a sandbox at `url`, printing the URL instead of opening a browser. */
export function oauth2LoginArgs(url: string, extra: string[] = []): string[] {
  return [
    'login',
    '--oauth2',
    '--client-id',
    DEMO_APP.clientId,
    '--client-secret-stdin',
    '--auth-url',
    url,
    '--api-url',
    url,
    '--no-browser',
    ...extra,
  ];
}

function secretsPath(home: TestHome): string {
  return join(home.configDir, 'secrets.json');
}

/** The credential stored for a profile in the 0600 secrets file, or undefined. */
export function storedCredential(home: TestHome, profile = 'default'): Record<string, string> | undefined {
  if (!existsSync(secretsPath(home))) return undefined;
  const file = JSON.parse(readFileSync(secretsPath(home), 'utf8')) as { secrets: Record<string, string> };
  const text = file.secrets[`${profile}:credential`];
  return text === undefined ? undefined : (JSON.parse(text) as Record<string, string>);
}

/** The permission bits of the secrets file. */
export function secretsMode(home: TestHome): number {
  return statSync(secretsPath(home)).mode & 0o777;
}

/** A profile as stored in config.json. */
export function storedProfile(home: TestHome, profile = 'default'): Record<string, unknown> | undefined {
  const path = join(home.configDir, 'config.json');
  if (!existsSync(path)) return undefined;
  const config = JSON.parse(readFileSync(path, 'utf8')) as {
    profiles: Record<string, Record<string, unknown>>;
  };
  return config.profiles[profile];
}

/** Fails when any of the secrets appears in any output of the runs. */
export function assertNoLeaks(results: CliResult[], secrets: (string | undefined)[]): void {
  for (const secret of secrets) {
    if (secret === undefined || secret.length < 4) continue;
    for (const r of results) {
      assert.ok(!r.stdout.includes(secret), 'a secret leaked to stdout');
      assert.ok(!r.stderr.includes(secret), 'a secret leaked to stderr');
    }
  }
}
