import { join } from 'node:path';
import { CliError, ExitCode, usageError } from '../exit-codes.js';
import { readSmallFile, writeFileAtomic } from './atomic-file.js';

export type Deployment = 'cloud' | 'datacenter';
export type AuthKind = 'basic' | 'apiToken' | 'pat' | 'headers' | 'oauth2' | 'oauth1' | 'anonymous';

/** Response-header logging settings, as the library takes them. */
export interface HeaderLogSettings {
  include: string[];
  exclude?: string[];
}

/** One named connection. Nothing secret lives here: secrets go to the credential store. */
export interface Profile {
  server?: string;
  auth?: AuthKind;
  /** Data Center user name (not secret). */
  user?: string;
  /** Cloud account email (not secret). */
  email?: string;
  /** Deployment detected once and remembered, so later calls skip the detection request. */
  deployment?: Deployment;
  headerLog?: HeaderLogSettings;
  /** A profile that talks to the embedded sandbox instead of a server. */
  sandbox?: { flavor: Deployment };
  /** Where this profile's secrets were stored, so reading them never probes the other store. */
  secretStore?: 'keyring' | 'file';
  /** OAuth 2.0 authorization server and API gateway the profile signed in through (`jirats login --oauth2`). */
  oauth?: { authUrl: string; apiUrl: string };
}

export interface ConfigData {
  version: 1;
  current?: string;
  profiles: Record<string, Profile>;
}

const PROFILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** Checks a profile name (it becomes part of credential-store account names). */
export function validateProfileName(name: string): string {
  if (!PROFILE_NAME.test(name)) {
    throw usageError(
      `invalid profile name '${name}'`,
      'use letters, digits, dots, dashes and underscores (at most 64 characters)',
    );
  }
  return name;
}

/** config.json: the profiles and which one is current. */
export class ConfigStore {
  private constructor(
    readonly path: string,
    readonly data: ConfigData,
  ) {}

  /** Loads `<dir>/config.json`, or an empty configuration when the file does not exist yet. */
  static async load(dir: string): Promise<ConfigStore> {
    const path = join(dir, 'config.json');
    const text = readSmallFile(path)?.text;
    if (text === undefined) return new ConfigStore(path, { version: 1, profiles: {} });
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new CliError(
        `${path} is not valid JSON`,
        ExitCode.usage,
        'fix the file or delete it to start over',
      );
    }
    if (!isRecord(parsed) || !isRecord(parsed.profiles)) {
      throw new CliError(`${path} is not a jirats configuration file`, ExitCode.usage);
    }
    const data: ConfigData = {
      version: 1,
      current: typeof parsed.current === 'string' ? parsed.current : undefined,
      profiles: parsed.profiles as Record<string, Profile>,
    };
    return new ConfigStore(path, data);
  }

  /** The profile called `name`, if it exists. */
  get(name: string): Profile | undefined {
    return Object.hasOwn(this.data.profiles, name) ? this.data.profiles[name] : undefined;
  }

  /** The profile called `name`, created empty when missing (saved only by `save`). */
  ensure(name: string): Profile {
    const existing = this.get(name);
    if (existing) return existing;
    const created: Profile = {};
    this.data.profiles[validateProfileName(name)] = created;
    return created;
  }

  /** Deletes a profile; clears `current` when it pointed there. */
  remove(name: string): boolean {
    if (!this.get(name)) return false;
    delete this.data.profiles[name];
    if (this.data.current === name) this.data.current = undefined;
    return true;
  }

  /** Names of all profiles, sorted. */
  names(): string[] {
    return Object.keys(this.data.profiles).sort();
  }

  /** Writes config.json atomically. */
  async save(): Promise<void> {
    await writeFileAtomic(this.path, `${JSON.stringify(this.data, null, 2)}\n`, 0o600);
  }
}

/** Which profile this call uses: --profile, then env JIRATS_PROFILE, then the current one, then `default`. */
export function selectProfileName(flag: string | undefined, config: ConfigStore): string {
  const name = flag || process.env.JIRATS_PROFILE || config.data.current || 'default';
  return validateProfileName(name);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
