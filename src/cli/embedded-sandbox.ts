import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Auth } from '../index.js';
import type { DemoCredential } from '../sandbox/index.js';
import { dataDir } from './config/paths.js';
import type { Deployment } from './config/profiles.js';
import { loadSandbox } from './library.js';

/** The base URL the in-process sandbox answers as (`.localhost` names never leave the machine). */
const EMBEDDED_SERVER = 'http://sandbox.localhost';

/** How a seed account signs in on a flavor: Basic with its password on Data Center, its API token on Cloud. */
export function demoAuth(account: DemoCredential, flavor: Deployment): Auth {
  return flavor === 'cloud'
    ? { type: 'apiToken', email: account.email, token: account.apiToken }
    : { type: 'basic', username: account.user, password: account.password };
}

/** The default state file of a sandbox flavor, in the user data folder. */
export async function sandboxDataFile(flavor: Deployment): Promise<string> {
  const dir = await dataDir();
  await mkdir(dir, { recursive: true, mode: 0o700 });
  return join(dir, `sandbox-${flavor}.json`);
}

/** Starts the sandbox in this process (state kept in the data folder); `admin` is how `--sandbox` signs in. */
export async function openEmbeddedSandbox(flavor: Deployment): Promise<{
  server: string;
  admin: Auth;
  fetch: (input: string | URL | Request, init?: RequestInit) => Promise<Response>;
  close: () => Promise<void>;
}> {
  const { createSandbox, DEMO_CREDENTIALS } = await loadSandbox();
  const sandbox = createSandbox({ flavor, dataFile: await sandboxDataFile(flavor) });
  const admin = DEMO_CREDENTIALS.find((c) => c.admin) ?? DEMO_CREDENTIALS[0];
  if (!admin) throw new Error('the sandbox seed has no accounts');
  return {
    server: EMBEDDED_SERVER,
    admin: demoAuth(admin, flavor),
    fetch: (input, init) => sandbox.fetch(input, init),
    close: () => sandbox.close(),
  };
}
