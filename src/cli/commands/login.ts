import type { Command } from 'commander';
import { connect } from '../connection.js';
import type { Context } from '../context.js';
import { usageError } from '../exit-codes.js';
import { loadLibrary } from '../library.js';
import { loginOAuth1 } from '../oauth/login-oauth1.js';
import { DEFAULT_SCOPES, loginOAuth2 } from '../oauth/login-oauth2.js';
import type { NounModule } from './noun.js';
import { examples, run } from './run.js';

interface LoginOptions {
  oauth2?: boolean;
  oauth1?: boolean;
  clientId?: string;
  clientSecretStdin?: boolean;
  scopes?: string;
  authUrl?: string;
  apiUrl?: string;
  site?: string;
  consumerKey?: string;
  privateKey?: string;
  browser: boolean;
}

/** `jirats login`: OAuth sign-in in the browser, tokens kept in the profile's credential store. */
export const loginNoun: NounModule = {
  register(program: Command): void {
    program
      .command('login')
      .description('sign in with OAuth in the browser and store the tokens for the profile')
      .option('--oauth2', 'Jira Cloud: OAuth 2.0 (3LO) with PKCE')
      .option('--client-id <id>', 'OAuth 2.0: the client id of your app')
      .option('--client-secret-stdin', 'OAuth 2.0: read the client secret from stdin (omit for a public app)')
      .option('--scopes <scopes>', `OAuth 2.0: space-separated scopes (default "${DEFAULT_SCOPES}")`)
      .option('--auth-url <url>', 'OAuth 2.0: authorization server (default https://auth.atlassian.com)')
      .option('--api-url <url>', 'OAuth 2.0: API gateway (default https://api.atlassian.com)')
      .option(
        '--site <site>',
        'OAuth 2.0: the site to use when the sign-in reaches several (name, id or URL)',
      )
      .option('--oauth1', 'Jira Data Center: OAuth 1.0a through an application link (needs --server)')
      .option('--consumer-key <key>', 'OAuth 1.0a: the consumer key of the application link')
      .option('--private-key <file>', "OAuth 1.0a: PEM file with the consumer's RSA private key")
      .option('--no-browser', 'print the sign-in URL instead of opening a browser')
      .addHelpText(
        'after',
        `${examples(
          'jirats login --oauth2 --client-id abc123                    # public app, PKCE only',
          'printf %s "$SECRET" | jirats login --oauth2 --client-id abc123 --client-secret-stdin',
          'jirats login --oauth2 --client-id abc123 --site acme --no-browser',
          'jirats login --oauth1 --server https://jira.example.com --consumer-key jirats --private-key key.pem',
        )}

The browser comes back to a one-shot listener on 127.0.0.1 (path /callback); register
http://127.0.0.1 as a callback URL of your app. --timeout SECONDS is how long to wait for it
(default 300). Later commands of the profile refresh the tokens by themselves.
`,
      )
      .action(run(login));
  },
};

/** `jirats logout`: forget the stored tokens, revoking OAuth 2.0 ones first. */
export const logoutNoun: NounModule = {
  register(program: Command): void {
    program
      .command('logout')
      .description("revoke and delete the profile's stored tokens, session and credential")
      .addHelpText('after', examples('jirats logout', 'jirats logout --profile work'))
      .action(run(logout));
  },
};

async function login(ctx: Context, opts: LoginOptions): Promise<void> {
  if (opts.oauth2 && opts.oauth1) throw usageError('choose one of --oauth2 and --oauth1');
  if (opts.oauth2) {
    return loginOAuth2(ctx, opts);
  }
  if (opts.oauth1) {
    return loginOAuth1(ctx, opts);
  }
  throw usageError(
    'choose how to sign in: --oauth2 (Jira Cloud) or --oauth1 (Data Center)',
    'for passwords, API tokens and PATs use `jirats session new`',
  );
}

async function logout(ctx: Context): Promise<void> {
  const config = await ctx.config();
  const name = await ctx.profileName();
  const profile = config.get(name);
  const secrets = await ctx.secrets(name);
  const credential = profile?.secretStore ? await secrets.readCredential() : undefined;
  const session = profile?.secretStore ? await secrets.readSession() : undefined;

  let revoked = false;
  if (credential?.type === 'oauth2') {
    try {
      const lib = await loadLibrary();
      await lib.revokeOAuth2Token({
        token: credential.refreshToken ?? credential.accessToken,
        clientId: credential.clientId,
        clientSecret: credential.clientSecret,
        authorizationServer: profile?.oauth?.authUrl,
      });
      revoked = true;
    } catch (err) {
      ctx.terminal.warn(`could not revoke the tokens (${err instanceof Error ? err.message : String(err)})`);
    }
  } else if (session) {
    try {
      const { jira } = await connect(ctx, { auth: { type: 'session', session } });
      await jira.sessions.remove();
    } catch (err) {
      ctx.terminal.warn(
        `could not sign out on the server (${err instanceof Error ? err.message : String(err)})`,
      );
    }
  }

  await secrets.remove(['session', 'credential']);
  if (profile) {
    for (const key of ['secretStore', 'auth', 'oauth'] as const) delete profile[key];
    await config.save();
  }
  if (!credential && !session) {
    ctx.terminal.info(`Nothing was stored for profile '${name}'.`);
    return;
  }
  const what = credential?.type.startsWith('oauth') ? 'tokens' : 'credentials';
  ctx.terminal.info(
    `Signed out; removed the stored ${what} of profile '${name}'${revoked ? ' (revoked on the server)' : ''}.`,
  );
}
