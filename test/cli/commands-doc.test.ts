import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { commandsMarkdown, fullTree } from '../../src/cli/commands-doc.js';

describe('docs/commands.md', () => {
  it('matches the CLI definitions (run `npm run docs:commands` after changing a command)', async () => {
    const onDisk = readFileSync(new URL('../../docs/commands.md', import.meta.url), 'utf8');
    assert.equal(onDisk, await commandsMarkdown());
  });

  it('gives every command a description and every option a description', async () => {
    const missing: string[] = [];
    const walk = (node: Awaited<ReturnType<typeof fullTree>>): void => {
      if (node.path.length > 0 && node.description.trim() === '') missing.push(node.path.join(' '));
      for (const o of node.options)
        if (o.description.trim() === '') missing.push(`${node.path.join(' ')} ${o.flags}`);
      node.commands.forEach(walk);
    };
    walk(await fullTree());
    assert.deepEqual(missing, []);
  });
});
