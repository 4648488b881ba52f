import type { Command } from 'commander';
import { aliasesOf } from '../aliases.js';
import { validateProfileName } from '../config/profiles.js';
import type { Context } from '../context.js';
import { explicitCredential, identityOf } from '../credentials.js';
import { usageError } from '../exit-codes.js';
import { listOutput } from '../output/render.js';
import { normalizeServerUrl } from '../server-url.js';
import { examples, run } from './run.js';

interface ProfileRow {
  name: string;
  current: boolean;
  server: string;
  auth: string;
  user: string;
}

/** Registers `config server set|get` and `config profile add|use|list|remove`. */
export function register(program: Command): void {
  const config = program.command('config').description('the server URL and named profiles (config.json)');

  const server = config.command('server').description("the current profile's server URL");
  server
    .command('set')
    .description(
      `set the server of the current profile (JiraPS: ${aliasesOf('config', 'server', 'set').join(', ')})`,
    )
    .argument('<url>', 'Jira base URL, e.g. https://jira.example.com or https://host/jira')
    .addHelpText(
      'after',
      examples(
        'jirats config server set https://jira.example.com',
        'jirats config server set https://acme.atlassian.net --profile cloud',
      ),
    )
    .action(run(setServer));
  server
    .command('get')
    .description(
      `print the server of the current profile (JiraPS: ${aliasesOf('config', 'server', 'get').join(', ')})`,
    )
    .addHelpText('after', examples('jirats config server get'))
    .action(run(getServer));

  const profile = config.command('profile').description('named connections: server, sign-in and settings');
  profile
    .command('add')
    .description('create a profile; credential options given here are stored for it')
    .argument('<name>', 'profile name: letters, digits, dots, dashes, underscores')
    .addHelpText(
      'after',
      examples(
        'jirats config profile add work --server https://jira.example.com --user jdoe',
        'printf %s "$TOKEN" | jirats config profile add cloud --server https://acme.atlassian.net --email me@acme.com --api-token-stdin',
        'jirats config profile add demo --sandbox --sandbox-flavor datacenter',
      ),
    )
    .action(run(addProfile));
  profile
    .command('use')
    .description('make a profile the current one')
    .argument('<name>', 'profile name')
    .addHelpText('after', examples('jirats config profile use work'))
    .action(run(useProfile));
  profile
    .command('list')
    .description('list the profiles (the current one is marked)')
    .addHelpText('after', examples('jirats config profile list', 'jirats config profile list --json'))
    .action(run(listProfiles));
  profile
    .command('remove')
    .description('delete a profile and its stored secrets')
    .argument('<name>', 'profile name')
    .addHelpText('after', examples('jirats config profile remove old'))
    .action(run(removeProfile));
}

async function setServer(ctx: Context, url: string): Promise<void> {
  const server = normalizeServerUrl(url);
  const config = await ctx.config();
  const name = await ctx.profileName();
  const profile = config.ensure(name);
  if (profile.server !== server) delete profile.deployment;
  profile.server = server;
  delete profile.sandbox;
  config.data.current ??= name;
  await config.save();
  ctx.terminal.info(`Server of profile '${name}' set to ${server}.`);
}

async function getServer(ctx: Context): Promise<void> {
  const name = await ctx.profileName();
  const server = (await ctx.profile())?.server;
  if (!server) {
    throw usageError(`no server configured for profile '${name}'`, 'run `jirats config server set URL`');
  }
  await ctx.terminal.out(ctx.format === 'json' ? `${JSON.stringify({ server })}\n` : `${server}\n`);
}

async function addProfile(ctx: Context, nameArg: string): Promise<void> {
  const name = validateProfileName(nameArg);
  const config = await ctx.config();
  if (config.get(name))
    throw usageError(`profile '${name}' already exists`, 'remove it first, or pick another name');
  const g = ctx.globals;
  if (g.sandbox && g.server) throw usageError('a profile uses either --server or --sandbox, not both');
  if (!g.sandbox && !g.server) throw usageError('config profile add needs --server URL or --sandbox');

  const profile = config.ensure(name);
  if (g.sandbox) profile.sandbox = { flavor: g.sandboxFlavor ?? 'cloud' };
  else profile.server = normalizeServerUrl(g.server as string);

  // Store a secret only when this call hands one over explicitly (stdin or --header), never one from the env.
  const handsSecret = g.passwordStdin || g.apiTokenStdin || g.patStdin || (g.header?.length ?? 0) > 0;
  const credential = handsSecret ? await explicitCredential(g) : undefined;
  if (credential) {
    Object.assign(profile, { auth: credential.type }, identityOf(credential));
    profile.secretStore = await (await ctx.secrets(name)).write({ credential });
  } else if (g.user) {
    Object.assign(profile, { auth: 'basic', user: g.user });
  } else if (g.email) {
    Object.assign(profile, { auth: 'apiToken', email: g.email });
  }
  config.data.current ??= name;
  await config.save();
  ctx.terminal.info(`Profile '${name}' added${config.data.current === name ? ' (current)' : ''}.`);
}

async function useProfile(ctx: Context, name: string): Promise<void> {
  const config = await ctx.config();
  if (!config.get(name)) throw usageError(`no profile named '${name}'`, 'see `jirats config profile list`');
  config.data.current = name;
  await config.save();
  ctx.terminal.info(`Now using profile '${name}'.`);
}

async function listProfiles(ctx: Context): Promise<void> {
  const config = await ctx.config();
  const current = await ctx.profileName();
  const out = listOutput<ProfileRow>(
    ctx.terminal,
    ctx.format,
    [
      { header: 'current', cell: (r) => (r.current ? '*' : '') },
      { header: 'name', cell: (r) => r.name },
      { header: 'server', cell: (r) => r.server },
      { header: 'auth', cell: (r) => r.auth },
      { header: 'user', cell: (r) => r.user },
    ],
    (r) => r,
  );
  for (const name of config.names()) {
    const p = config.get(name) ?? {};
    const server = p.sandbox ? `(sandbox, ${p.sandbox.flavor})` : (p.server ?? '');
    await out.add({
      name,
      current: name === current,
      server,
      auth: p.auth ?? '',
      user: p.user ?? p.email ?? '',
    });
  }
  await out.end();
}

async function removeProfile(ctx: Context, name: string): Promise<void> {
  const config = await ctx.config();
  if (!config.get(name)) throw usageError(`no profile named '${name}'`, 'see `jirats config profile list`');
  await (await ctx.secrets(name)).remove(['session', 'credential']);
  config.remove(name);
  await config.save();
  ctx.terminal.info(`Profile '${name}' removed, with its stored secrets.`);
}
