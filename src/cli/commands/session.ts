import type { Command } from 'commander';
import type { SessionData } from '../../index.js';
import { aliasesOf } from '../aliases.js';
import type { Profile } from '../config/profiles.js';
import { connect, isProfileTarget, resolveTarget } from '../connection.js';
import type { Context } from '../context.js';
import { explicitCredential, identityOf } from '../credentials.js';
import { CliError, ExitCode, usageError } from '../exit-codes.js';
import { entityOutput } from '../output/render.js';
import { sameServer } from '../server-url.js';
import { examples, run } from './run.js';

/** Registers `session new|show|remove`. */
export function register(program: Command): void {
  const session = program.command('session').description('sign in and out; sessions are stored per profile');

  session
    .command('new')
    .description(
      `sign in and store the session for the profile (JiraPS: ${aliasesOf('session', 'new').join(', ')})`,
    )
    .option('--no-keep-credential', 'store only the session cookies; when they expire, sign in again')
    .option(
      '--save-credential',
      "also store the credential as the profile's own (used when no session is stored)",
    )
    .addHelpText(
      'after',
      examples(
        'jirats session new --server https://jira.example.com --user jdoe            # prompts for the password',
        'printf %s "$JIRA_API_TOKEN" | jirats session new --email me@example.com --api-token-stdin',
        'printf %s "$PAT" | jirats session new --pat-stdin',
        "jirats session new --header 'Authorization: Bearer abc...'",
      ),
    )
    .action(run(newSession));

  session
    .command('show')
    .description(
      `show the stored session: server, user, auth type, created (JiraPS: ${aliasesOf('session', 'show').join(', ')})`,
    )
    .addHelpText('after', examples('jirats session show', 'jirats session show --profile work --json'))
    .action(run(showSession));

  session
    .command('remove')
    .description(
      `sign out on the server and delete the stored session (JiraPS: ${aliasesOf('session', 'remove').join(', ')})`,
    )
    .option('--forget-credential', "also delete the profile's stored credential")
    .addHelpText(
      'after',
      examples('jirats session remove', 'jirats session remove --profile work --forget-credential'),
    )
    .action(run(removeSession));
}

async function newSession(
  ctx: Context,
  opts: { keepCredential: boolean; saveCredential?: boolean },
): Promise<void> {
  const config = await ctx.config();
  const name = await ctx.profileName();
  const profile = config.ensure(name);
  const target = await resolveTarget(ctx);
  if (target.sandbox && profile.server) {
    throw usageError(
      `profile '${name}' points to ${profile.server}, not the sandbox`,
      'use another --profile',
    );
  }

  // This call's credential, else the profile's stored one, else prompt for the profile's known user.
  let credential = await explicitCredential(ctx.globals);
  if (!credential && isProfileTarget(profile, target) && profile.secretStore) {
    credential = await (await ctx.secrets()).readCredential();
  }
  if (!credential && (profile.user || profile.email)) {
    credential = await explicitCredential(ctx.globals, { user: profile.user, email: profile.email });
  }
  if (!credential) {
    throw usageError(
      'session new needs a credential',
      'pass --user (password on stdin, in JIRA_PASSWORD or prompted), --email with an API token, --pat-stdin or --header',
    );
  }

  const { jira, server } = await connect(ctx, { auth: { type: 'anonymous' } });
  const session = await jira.sessions.create(credential, { keepCredential: opts.keepCredential });
  const data: SessionData = session.toJSON();

  if (target.sandbox) profile.sandbox = { flavor: target.sandbox };
  else if (!sameServer(profile.server, server)) {
    profile.server = server;
    delete profile.deployment;
  }
  const store = await (await ctx.secrets()).write({
    session: data,
    credential: opts.saveCredential ? credential : undefined,
  });
  const identity = identityOf(credential);
  Object.assign(profile, {
    auth: credential.type,
    secretStore: store,
    user: identity.user,
    email: identity.email,
  });
  config.data.current ??= name;
  await config.save();
  ctx.terminal.info(
    `Signed in to ${server}; session stored for profile '${name}' (${describeStore(store)}).`,
  );
  await printSession(ctx, name, profile, data);
}

async function showSession(ctx: Context): Promise<void> {
  const name = await ctx.profileName();
  const profile = await ctx.profile();
  const session = profile?.secretStore ? await (await ctx.secrets()).readSession() : undefined;
  if (!profile || !session) {
    throw new CliError(
      `no session stored for profile '${name}'`,
      ExitCode.auth,
      'sign in with `jirats session new`',
    );
  }
  await printSession(ctx, name, profile, session);
}

async function removeSession(ctx: Context, opts: { forgetCredential?: boolean }): Promise<void> {
  const config = await ctx.config();
  const name = await ctx.profileName();
  const profile = config.get(name);
  const secrets = await ctx.secrets();
  const session = profile?.secretStore ? await secrets.readSession() : undefined;
  if (session) {
    try {
      const { jira } = await connect(ctx, { auth: { type: 'session', session } });
      await jira.sessions.remove();
    } catch (err) {
      ctx.terminal.warn(
        `could not sign out on the server (${err instanceof Error ? err.message : String(err)})`,
      );
    }
  }
  await secrets.remove(opts.forgetCredential ? ['session', 'credential'] : ['session']);
  if (profile && opts.forgetCredential) {
    delete profile.secretStore;
    delete profile.auth;
  }
  await config.save();
  ctx.terminal.info(
    session
      ? `Signed out; removed the session of profile '${name}'.`
      : `No session was stored for profile '${name}'.`,
  );
}

async function printSession(
  ctx: Context,
  name: string,
  profile: Profile,
  session: SessionData,
): Promise<void> {
  const user =
    session.user?.name ??
    session.user?.displayName ??
    session.user?.accountId ??
    profile.user ??
    profile.email;
  const authType = profile.auth ?? session.credential?.type ?? 'session';
  const view = {
    profile: name,
    server: session.server,
    user: user ?? null,
    authType,
    createdAt: session.createdAt,
    renewable: session.credential !== undefined,
  };
  await entityOutput(ctx.terminal, ctx.format, view, [
    ['profile', name],
    ['server', view.server],
    ['user', user ?? ''],
    ['authType', authType],
    ['created', session.createdAt],
    ['renewable', view.renewable ? 'yes' : 'no (sign in again when it expires)'],
  ]);
}

function describeStore(store: 'keyring' | 'file'): string {
  return store === 'keyring' ? 'OS keychain' : 'secrets file, mode 0600';
}
