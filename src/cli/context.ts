import { configDir } from './config/paths.js';
import { ConfigStore, type Profile, selectProfileName } from './config/profiles.js';
import { ProfileSecrets } from './config/secret-store.js';
import { type GlobalOptions, outputFormat } from './global-options.js';
import { Terminal } from './io/terminal.js';
import type { OutputFormat } from './output/render.js';

/**
 * Everything one invocation shares: the global options, the terminal, and the configuration, each loaded at
 * most once and only when a command asks for it. Commands register clean-up work (closing an embedded
 * sandbox, saving what was learnt) with `onClose`.
 */
export class Context {
  readonly terminal: Terminal;
  readonly format: OutputFormat;
  private configStore: Promise<ConfigStore> | undefined;
  private readonly closers: (() => Promise<void>)[] = [];
  /** Set when the call goes out with no credential at all, so errors can say so. */
  anonymous = false;

  constructor(readonly globals: GlobalOptions) {
    this.terminal = new Terminal({
      quiet: globals.quiet === true,
      debug: globals.debug === true,
      color: globals.color !== false,
    });
    this.format = outputFormat(globals);
  }

  /** config.json, loaded once. */
  config(): Promise<ConfigStore> {
    this.configStore ??= configDir().then((dir) => ConfigStore.load(dir));
    return this.configStore;
  }

  /** The name of the profile this call uses. */
  async profileName(): Promise<string> {
    return selectProfileName(this.globals.profile, await this.config());
  }

  /** The profile this call uses, if it exists. */
  async profile(): Promise<Profile | undefined> {
    return (await this.config()).get(await this.profileName());
  }

  /** The secrets of a profile (the current one by default). */
  async secrets(name?: string): Promise<ProfileSecrets> {
    const config = await this.config();
    const profileName = name ?? (await this.profileName());
    return new ProfileSecrets(await configDir(), profileName, config.get(profileName) ?? {});
  }

  /** Registers work to run when the command ends, whether it succeeded or not. */
  onClose(fn: () => Promise<void>): void {
    this.closers.push(fn);
  }

  /** Runs the clean-up work, latest first. */
  async close(): Promise<void> {
    while (this.closers.length > 0) {
      const fn = this.closers.pop();
      try {
        await fn?.();
      } catch (err) {
        this.terminal.warn(`clean-up failed: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  }
}
