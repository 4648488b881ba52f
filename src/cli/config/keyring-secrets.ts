import type { SecretBackend } from './file-secrets.js';

const SERVICE = 'jirats';

type KeyringModule = typeof import('@napi-rs/keyring');
let keyring: Promise<KeyringModule> | undefined;

/** The OS keychain (macOS Keychain, Windows Credential Manager, Secret Service), loaded on first use. */
export class KeyringSecrets implements SecretBackend {
  readonly kind = 'keyring';

  private async entry(account: string): Promise<InstanceType<KeyringModule['AsyncEntry']>> {
    keyring ??= import('@napi-rs/keyring');
    const { AsyncEntry } = await keyring;
    return new AsyncEntry(SERVICE, account);
  }

  async get(account: string): Promise<string | undefined> {
    const value = await (await this.entry(account)).getPassword();
    return value ?? undefined;
  }

  async set(account: string, value: string): Promise<void> {
    await (await this.entry(account)).setPassword(value);
  }

  async delete(account: string): Promise<void> {
    await (await this.entry(account)).deleteCredential();
  }
}
