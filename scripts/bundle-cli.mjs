#!/usr/bin/env node
// Bundles the compiled CLI (dist/cli) into a few files in dist/cli-bundle. A command start-up then reads a
// handful of files instead of ~75 modules, which is most of what the CLI costs over a bare `node` script.
// The rich-text converters and the sandbox stay outside the bundle, loaded from dist/ only when a command
// needs them, exactly as the unbundled build does. Dependencies in node_modules stay external, except the small
// CommonJS ones every command loads (commander, oauth-1.0a): importing CommonJS from ESM makes Node scan the file
// for its exports first, and commander would load node:child_process, which it needs only for executable
// subcommands (that JiraTS has none of), so inside the bundle it is loaded on first use instead.
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { build } from 'esbuild';

const outdir = 'dist/cli-bundle';

/** Imports of src/text and src/sandbox stay imports of the compiled files next to the bundle. */
const keepLazyPartsOutside = {
  name: 'keep-lazy-parts-outside',
  setup(b) {
    b.onResolve({ filter: /\/(text|sandbox)\/index\.js$/ }, (args) => {
      const target = resolve(args.resolveDir, args.path);
      return { path: `./${relative(resolve(outdir), target)}`, external: true };
    });
  },
};

/** Packages bundled in; every other bare import stays an import of node_modules. */
const BUNDLED = new Set(['commander', 'oauth-1.0a']);
const bundleOnlyHotDependencies = {
  name: 'bundle-only-hot-dependencies',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.kind === 'entry-point' || BUNDLED.has(args.path)) return undefined;
      // Relative requires inside a bundled package resolve as usual; node builtins and the rest stay outside.
      return { path: args.path, external: true };
    });
  },
};

/** commander requires node:child_process at load time; defer that to the one place that spawns. */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onLoad({ filter: /commander[\\/]lib[\\/]command\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const eager = "const childProcess = require('node:child_process');";
      if (!source.includes(eager)) throw new Error('commander no longer loads child_process as expected');
      const lazy = "const childProcess = { spawn: (...a) => require('node:child_process').spawn(...a) };";
      return { contents: source.replace(eager, lazy), loader: 'js' };
    });
  },
};

// The bundled CommonJS code calls require() for node builtins and ESM has none: chunks get one, and those that
// never call it lose it again after the build (the entry point among them, so `--version` stays cheap).
const REQUIRE_BANNER =
  "import { createRequire as jiratsCreateRequire } from 'node:module';\nconst require = jiratsCreateRequire(import.meta.url);\n";

// Chunk names carry content hashes: start empty so old chunks do not pile up.
rmSync(outdir, { recursive: true, force: true });

await build({
  entryPoints: ['dist/cli/bin.js'],
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  banner: { js: REQUIRE_BANNER },
  plugins: [keepLazyPartsOutside, bundleOnlyHotDependencies, lazyChildProcess],
  logLevel: 'warning',
});

for (const name of readdirSync(outdir)) {
  const path = `${outdir}/${name}`;
  const code = readFileSync(path, 'utf8');
  const rest = code.replace(REQUIRE_BANNER, '');
  if (rest !== code && !/\b__require\b|\brequire\(/.test(rest)) writeFileSync(path, rest);
}
