/** One sandbox per flavor on a real port and a test home, for a CLI test file that runs on both flavors. */

import { after, before } from 'node:test';
import { TestHome } from './cli.js';
import { type Running, startSandbox } from './servers.js';

export const FLAVORS = ['datacenter', 'cloud'] as const;
export type Flavor = (typeof FLAVORS)[number];

/** Starts both sandboxes before the file's tests and closes them (and removes the home) after. */
export function sandboxPerFlavor(): { home: TestHome; url: (flavor: Flavor) => string } {
  const home = new TestHome();
  const sandboxes: Partial<Record<Flavor, Running>> = {};
  before(async () => {
    for (const flavor of FLAVORS) sandboxes[flavor] = await startSandbox({ flavor });
  });
  after(async () => {
    for (const flavor of FLAVORS) await sandboxes[flavor]?.close();
    home.cleanup();
  });
  return { home, url: (flavor) => sandboxes[flavor]?.url ?? '' };
}
