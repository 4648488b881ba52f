#!/usr/bin/env node
// Writes docs/commands.md from the built CLI's command definitions (run `npm run docs:commands`).
import { writeFileSync } from 'node:fs';
import { commandsMarkdown } from '../dist/cli/commands-doc.js';

writeFileSync(new URL('../docs/commands.md', import.meta.url), await commandsMarkdown());
console.log('wrote docs/commands.md');
