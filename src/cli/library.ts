/**
 * Lazy access to the library and the sandbox: the CLI loads them only when a command needs them, so
 * `--version`, `--help` and config commands never pay for the HTTP stack. The client comes without the
 * rich-text converters, which the text commands load themselves.
 */
export type Library = typeof import('../library-core.js');
export type SandboxModule = typeof import('../sandbox/index.js');

let library: Library | undefined;

/** Loads the library once and returns it. */
export async function loadLibrary(): Promise<Library> {
  library ??= await import('../library-core.js');
  return library;
}

/** The library if some command already loaded it (an error can only be a JiraError then). */
export function loadedLibrary(): Library | undefined {
  return library;
}

/** Loads the sandbox module (used by `--sandbox` and `sandbox start`). */
export async function loadSandbox(): Promise<SandboxModule> {
  return import('../sandbox/index.js');
}
