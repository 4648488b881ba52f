#!/usr/bin/env node
// Bundles the compiled CLI (dist/cli) into a few files in dist/cli-bundle. A command start-up then reads a
// handful of files instead of ~75 modules, which is most of what the CLI costs over a bare `node` script.
// The rich-text converters and the sandbox stay outside the bundle, loaded from dist/ only when a command
// needs them, exactly as the unbundled build does. Dependencies in node_modules stay external.
import { rmSync } from 'node:fs';
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
  packages: 'external',
  plugins: [keepLazyPartsOutside],
  logLevel: 'warning',
});
