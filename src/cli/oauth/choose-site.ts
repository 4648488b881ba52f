import { createInterface } from 'node:readline/promises';
import { CliError, ExitCode, usageError } from '../exit-codes.js';
import { canPrompt } from '../io/secret-input.js';
import { sameServer } from '../server-url.js';

/** A Jira Cloud site the OAuth grant reaches, as accessible-resources lists it. */
export interface Site {
  id: string;
  name: string;
  url: string;
  scopes: string[];
}

function describe(site: Site): string {
  return `${site.name} (${site.url}, id ${site.id})`;
}

/** True when `wanted` names the site by id, name (any case) or URL. */
function matches(site: Site, wanted: string): boolean {
  const w = wanted.trim();
  return site.id === w || site.name.toLowerCase() === w.toLowerCase() || sameServer(site.url, w);
}

/**
 * The site to sign in to: the one named by `--site`; else the only one; else, on a terminal, the one the person
 * picks from a numbered list; without a terminal a usage error lists them, because guessing could send the
 * profile's commands to the wrong site.
 */
export async function chooseSite(sites: Site[], wanted: string | undefined): Promise<Site> {
  if (sites.length === 0) {
    throw new CliError(
      'the sign-in gives access to no Jira site',
      ExitCode.auth,
      'sign in with an account that can use a Jira site, and grant the app access to it',
    );
  }
  const list = sites.map(describe).join('; ');
  if (wanted !== undefined) {
    const found = sites.find((s) => matches(s, wanted));
    if (found) return found;
    throw usageError(`no site matches --site '${wanted}'; the sign-in reaches: ${list}`);
  }
  const [only] = sites;
  if (only && sites.length === 1) return only;
  if (!canPrompt()) {
    throw usageError(`the sign-in reaches ${sites.length} sites; choose one with --site: ${list}`);
  }
  return promptForSite(sites);
}

async function promptForSite(sites: Site[]): Promise<Site> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    process.stderr.write('The sign-in reaches several Jira sites:\n');
    sites.forEach((s, i) => {
      process.stderr.write(`  ${i + 1}) ${describe(s)}\n`);
    });
    for (;;) {
      const answer = (await rl.question(`Site number (1-${sites.length}): `)).trim();
      const picked = sites[Number(answer) - 1];
      if (/^\d+$/.test(answer) && picked) return picked;
    }
  } finally {
    rl.close();
  }
}
