import type { OAuth1Auth, OAuth2Auth } from '../../index.js';
import type { Profile } from '../config/profiles.js';
import { rememberCredential } from '../config/secret-store.js';
import { connect } from '../connection.js';
import type { Context } from '../context.js';
import { entityOutput } from '../output/render.js';

/** What a finished OAuth sign-in leaves in the profile. */
export interface LoginResult {
  /** Base URL of the site or server the profile now points to. */
  server: string;
  credential: OAuth2Auth | OAuth1Auth;
  /** OAuth 2.0 only: the authorization server and API gateway. */
  oauth?: { authUrl: string; apiUrl: string };
  /** Words for the greeting: `JiraTS Sandbox (https://...)`. */
  siteLabel: string;
  scopes?: string[];
}

/**
 * Stores the tokens in the profile's credential store and points the profile at the server, replacing any
 * session or identity of an earlier sign-in (a stored session would otherwise win over the new tokens).
 * Then calls Jira through the stored profile, as every later command will, and greets the user.
 */
export async function saveLogin(ctx: Context, result: LoginResult): Promise<void> {
  rememberCredential(result.credential);
  const config = await ctx.config();
  const name = await ctx.profileName();
  const profile = config.ensure(name);
  const secrets = await ctx.secrets(name);
  await secrets.remove(['session']);
  const store = await secrets.write({ credential: result.credential });

  const sameServer = profile.server === result.server;
  for (const key of ['sandbox', 'user', 'email', 'oauth'] as const) delete profile[key];
  if (!sameServer) delete profile.deployment;
  Object.assign(profile, {
    server: result.server,
    auth: result.credential.type,
    secretStore: store,
  } satisfies Partial<Profile>);
  if (result.oauth) {
    profile.oauth = result.oauth;
    profile.deployment = 'cloud';
  }
  config.data.current ??= name;
  await config.save();

  // Reading the user needs read:jira-user; a grant without it is still a working sign-in.
  let who: string | null = null;
  if (!result.scopes || result.scopes.includes('read:jira-user')) {
    const { jira } = await connect(ctx, { target: { server: result.server } });
    who = (await jira.myself()).displayName;
  }
  ctx.terminal.info(
    who === null ? `Signed in to ${result.siteLabel}` : `Signed in as ${who} to ${result.siteLabel}`,
  );
  const where = store === 'keyring' ? 'OS keychain' : 'secrets file, mode 0600';
  const view = {
    profile: name,
    server: result.server,
    user: who,
    authType: result.credential.type,
    scopes: result.scopes ?? null,
    credentialStore: store,
  };
  const rows: [string, string][] = [
    ['profile', name],
    ['server', result.server],
    ['user', who ?? ''],
    ['authType', result.credential.type],
  ];
  if (result.scopes) rows.push(['scopes', result.scopes.join(' ')]);
  rows.push(['stored', where]);
  await entityOutput(ctx.terminal, ctx.format, view, rows);
}
