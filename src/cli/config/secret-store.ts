import type { Auth, SessionData } from '../../index.js';
import { CliError, ExitCode, usageError } from '../exit-codes.js';
import { rememberBasic, rememberSecret } from '../io/scrub.js';
import { FileSecrets, type SecretBackend } from './file-secrets.js';
import { KeyringSecrets } from './keyring-secrets.js';
import type { Profile } from './profiles.js';

/** A credential that can be stored for a profile (sessions are stored separately). */
export type StoredCredential = Exclude<Auth, { type: 'session' } | { type: 'anonymous' }>;

type StoreKind = 'keyring' | 'file';
type SecretKind = 'session' | 'credential';

/** The store forced by env JIRATS_CREDENTIAL_STORE, if any. */
function forcedStore(): StoreKind | undefined {
  const value = process.env.JIRATS_CREDENTIAL_STORE?.trim().toLowerCase();
  if (!value) return undefined;
  if (value === 'file' || value === 'keyring') return value;
  throw usageError(`JIRATS_CREDENTIAL_STORE must be 'file' or 'keyring', not '${value}'`);
}

/**
 * The secrets of one profile: its stored session and its stored credential, kept in the OS keychain when it
 * works and in a 0600 file otherwise. The profile records which store holds them (`secretStore`), which also
 * tells a profile with no secrets apart without touching either store.
 */
export class ProfileSecrets {
  private readonly file: FileSecrets;

  constructor(
    configDir: string,
    private readonly profileName: string,
    private readonly profile: Profile,
  ) {
    this.file = new FileSecrets(configDir);
  }

  /** Path of the fallback file, for messages. */
  get filePath(): string {
    return this.file.path;
  }

  /** The stored session, if any. */
  async readSession(): Promise<SessionData | undefined> {
    const value = await this.read('session');
    if (!isRecord(value) || typeof value.server !== 'string' || !isRecord(value.cookies)) return undefined;
    const session = value as unknown as SessionData;
    for (const cookie of Object.values(session.cookies)) rememberSecret(cookie);
    for (const header of Object.values(session.headers ?? {})) rememberSecret(header);
    if (session.credential) rememberCredential(session.credential);
    return session;
  }

  /** The stored credential, if any. */
  async readCredential(): Promise<StoredCredential | undefined> {
    const value = await this.read('credential');
    if (!isRecord(value) || typeof value.type !== 'string') return undefined;
    const credential = value as unknown as StoredCredential;
    rememberCredential(credential);
    return credential;
  }

  /** Stores a session and/or a credential; returns the store used so the caller can record it in the profile. */
  async write(values: { session?: SessionData; credential?: StoredCredential }): Promise<StoreKind> {
    const entries = Object.entries(values).filter(([, v]) => v !== undefined) as [SecretKind, unknown][];
    const backend = await this.writableBackend();
    for (const [kind, value] of entries) await backend.set(this.account(kind), JSON.stringify(value));
    return backend.kind;
  }

  /** Deletes the given kinds from every store that may hold them. */
  async remove(kinds: SecretKind[]): Promise<void> {
    const backends: SecretBackend[] = [this.file];
    if (this.profile.secretStore === 'keyring' || forcedStore() === 'keyring')
      backends.push(new KeyringSecrets());
    for (const backend of backends) {
      for (const kind of kinds) await backend.delete(this.account(kind));
    }
  }

  private account(kind: SecretKind | 'probe'): string {
    return `${this.profileName}:${kind}`;
  }

  private async read(kind: SecretKind): Promise<unknown> {
    const store = forcedStore() ?? this.profile.secretStore;
    if (!store) return undefined;
    const backend: SecretBackend = store === 'file' ? this.file : new KeyringSecrets();
    let text: string | undefined;
    try {
      text = await backend.get(this.account(kind));
    } catch (err) {
      if (err instanceof CliError) throw err;
      throw new CliError(
        `cannot read the OS keychain: ${err instanceof Error ? err.message : String(err)}`,
        ExitCode.usage,
        'set JIRATS_CREDENTIAL_STORE=file to keep secrets in a 0600 file instead',
      );
    }
    if (text === undefined) return undefined;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return undefined;
    }
  }

  /** The store to write to: the forced one, else the one the profile already uses, else whichever works. */
  private async writableBackend(): Promise<SecretBackend> {
    // Keeping all of a profile's secrets in one store means reads never have to look in two places.
    const preferred = forcedStore() ?? this.profile.secretStore;
    if (preferred === 'file') return this.file;
    const keyring = new KeyringSecrets();
    try {
      // Probe with a harmless write: on a headless Linux box the keychain refuses writes but not reads.
      await keyring.set(this.account('probe'), 'probe');
      await keyring.delete(this.account('probe'));
      return keyring;
    } catch (err) {
      if (preferred === 'keyring') {
        throw new CliError(
          `cannot write to the OS keychain: ${err instanceof Error ? err.message : String(err)}`,
          ExitCode.usage,
          'set JIRATS_CREDENTIAL_STORE=file to keep secrets in a 0600 file instead',
        );
      }
      return this.file;
    }
  }
}

/** Makes the scrubber mask every secret part of a credential. */
export function rememberCredential(credential: StoredCredential): void {
  if (credential.type === 'basic') rememberBasic(credential.username, credential.password);
  else if (credential.type === 'apiToken') rememberBasic(credential.email, credential.token);
  else if (credential.type === 'pat') rememberSecret(credential.token);
  else if (credential.type === 'headers')
    for (const v of Object.values(credential.headers)) rememberSecret(v);
  else if (credential.type === 'oauth2') {
    for (const v of [credential.accessToken, credential.refreshToken, credential.clientSecret])
      rememberSecret(v);
  } else if (credential.type === 'oauth1') {
    rememberSecret(credential.token);
    rememberSecret(credential.tokenSecret);
    rememberSecret(credential.privateKey);
    // A key printed in pieces is masked line by line; the BEGIN/END lines are not secret.
    for (const line of credential.privateKey.split(/\r?\n/))
      if (!line.startsWith('-----')) rememberSecret(line);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
