/** Sandboxes on real ports and a test home for a CLI test file: one per flavor, or one of a single flavor. */

import { after, before } from 'node:test';
import { TestHome } from './cli.js';
import { type Running, startSandbox } from './servers.js';

export const FLAVORS = ['datacenter', 'cloud'] as const;
export type Flavor = (typeof FLAVORS)[number];

/** Starts both sandboxes before the file's tests and closes them (and removes the home) after. */
export function sandboxPerFlavor(): { home: TestHome; url: (flavor: Flavor) => string } {
  return sandboxesOf(FLAVORS);
}

function sandboxesOf(flavors: readonly Flavor[]): { home: TestHome; url: (flavor: Flavor) => string } {
  const home = new TestHome();
  const sandboxes: Partial<Record<Flavor, Running>> = {};
  before(async () => {
    for (const flavor of flavors) sandboxes[flavor] = await startSandbox({ flavor });
  });
  after(async () => {
    for (const flavor of flavors) await sandboxes[flavor]?.close();
    home.cleanup();
  });
  return { home, url: (flavor) => sandboxes[flavor]?.url ?? '' };
}

/** Starts one sandbox of `flavor` before the file's tests and closes it (and removes the home) after. */
export function sandboxFor(flavor: Flavor): { home: TestHome; sandbox: { readonly url: string } } {
  const { home, url } = sandboxesOf([flavor]);
  return {
    home,
    sandbox: {
      get url() {
        return url(flavor);
      },
    },
  };
}
