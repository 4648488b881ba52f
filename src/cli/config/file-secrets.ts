import { join } from 'node:path';
import { CliError, ExitCode } from '../exit-codes.js';
import { readSmallFile, writeFileAtomic } from './atomic-file.js';

/** A place that keeps secrets by account name (`<profile>:<kind>`). */
export interface SecretBackend {
  readonly kind: 'keyring' | 'file';
  get(account: string): Promise<string | undefined>;
  set(account: string, value: string): Promise<void>;
  delete(account: string): Promise<void>;
}

interface SecretsFile {
  version: 1;
  secrets: Record<string, string>;
}

/**
 * The fallback store: `<config dir>/secrets.json`, created 0600. A file that the group or others may read is
 * refused rather than used, because its secrets may already have leaked and should not be trusted silently.
 */
export class FileSecrets implements SecretBackend {
  readonly kind = 'file';
  readonly path: string;
  private cached: SecretsFile | undefined;

  constructor(configDir: string) {
    this.path = join(configDir, 'secrets.json');
  }

  async get(account: string): Promise<string | undefined> {
    const file = await this.read();
    return Object.hasOwn(file.secrets, account) ? file.secrets[account] : undefined;
  }

  async set(account: string, value: string): Promise<void> {
    const file = await this.read();
    file.secrets[account] = value;
    await this.write(file);
  }

  async delete(account: string): Promise<void> {
    const file = await this.read();
    if (!Object.hasOwn(file.secrets, account)) return;
    delete file.secrets[account];
    await this.write(file);
  }

  private async read(): Promise<SecretsFile> {
    this.cached ??= this.load();
    return this.cached;
  }

  private load(): SecretsFile {
    const file = readSmallFile(this.path);
    if (file === undefined) return { version: 1, secrets: {} };
    // Windows has no POSIX mode bits; its ACLs are not checked here.
    if (process.platform !== 'win32' && (file.mode & 0o077) !== 0) {
      throw new CliError(
        `refusing to use ${this.path}: other users can read it; run \`chmod 600 ${this.path}\``,
        ExitCode.usage,
      );
    }
    try {
      const parsed = JSON.parse(file.text) as Partial<SecretsFile>;
      if (typeof parsed.secrets === 'object' && parsed.secrets !== null) {
        return { version: 1, secrets: parsed.secrets };
      }
    } catch {
      // fall through to the error below
    }
    throw new CliError(
      `${this.path} is not a valid secrets file`,
      ExitCode.usage,
      'delete it and sign in again',
    );
  }

  private async write(file: SecretsFile): Promise<void> {
    this.cached = file;
    await writeFileAtomic(this.path, `${JSON.stringify(file, null, 2)}\n`, 0o600);
  }
}
