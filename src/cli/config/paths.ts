/**
 * Where the CLI keeps its files. The environment overrides win (tests and portable setups use them), so the
 * env-paths package is loaded only when a platform default is actually needed.
 */
type Paths = { config: string; data: string };

let platformPaths: Paths | undefined;

async function platform(): Promise<Paths> {
  if (!platformPaths) {
    const { default: envPaths } = await import('env-paths');
    platformPaths = envPaths('jirats', { suffix: '' });
  }
  return platformPaths;
}

/** The folder of config.json and secrets.json (env JIRATS_CONFIG_DIR, else the platform config folder). */
export async function configDir(): Promise<string> {
  return process.env.JIRATS_CONFIG_DIR || (await platform()).config;
}

/** The folder of the embedded sandbox's state files (env JIRATS_DATA_DIR, else the platform data folder). */
export async function dataDir(): Promise<string> {
  return process.env.JIRATS_DATA_DIR || (await platform()).data;
}
