/**
 * Rich-text fields read as Markdown, converted only when read. The converters pull in a Markdown parser that
 * costs more start-up time than the rest of the client, so nothing here imports them eagerly: a property read
 * loads them synchronously where Node can `require` ES modules (20.19+), and the API methods load them ahead
 * with a dynamic import on runtimes that cannot.
 */

import type * as TextModule from '../text/index.js';

type TextConverters = typeof TextModule;
type RequireFn = (id: string) => unknown;

const TEXT_MODULE = '../text/index.js';

let converters: TextConverters | undefined;
let nodeRequire: RequireFn | null | undefined;

/** Node's `require` when it can load ES modules synchronously; null elsewhere (browsers, older Node). */
function syncRequire(): RequireFn | null {
  if (nodeRequire !== undefined) return nodeRequire;
  const proc = (globalThis as { process?: NodeJS.Process }).process;
  const canRequireEsm =
    typeof proc?.getBuiltinModule === 'function' && proc.features?.require_module === true;
  nodeRequire = canRequireEsm ? proc.getBuiltinModule('node:module').createRequire(import.meta.url) : null;
  return nodeRequire;
}

/** True when a rich-text property can be converted on read without an earlier `loadTextConverters()`. */
export function textConvertersReady(): boolean {
  return converters !== undefined || syncRequire() !== null;
}

/** Loads the converters asynchronously (for runtimes without a synchronous ES module `require`). */
export async function loadTextConverters(): Promise<void> {
  converters ??= await import('../text/index.js');
}

function textConverters(): TextConverters {
  if (converters) return converters;
  const load = syncRequire();
  if (!load) {
    throw new Error(
      'The Markdown converter is not loaded on this runtime: read issues through jira.issues, or use Node 20.19+',
    );
  }
  converters = load(TEXT_MODULE) as TextConverters;
  return converters;
}

/** A wire rich-text value as Markdown: ADF (Cloud v3) and wiki markup (v2, Data Center) alike; null stays null. */
export function richTextToMarkdown(wire: unknown): string | null {
  if (wire === null || wire === undefined) return null;
  const text = textConverters();
  return typeof wire === 'string' ? text.wikiToMarkdown(wire) : text.adfToMarkdown(wire);
}

/**
 * Defines `target[name]` as Markdown converted from `wire` on first read, then kept as a plain property
 * (assigning a value replaces it too).
 */
export function defineLazyMarkdown(target: object, name: string, wire: unknown): void {
  const settle = (value: unknown): void => {
    Object.defineProperty(target, name, { value, writable: true, enumerable: true, configurable: true });
  };
  Object.defineProperty(target, name, {
    enumerable: true,
    configurable: true,
    get(): string | null {
      const markdown = richTextToMarkdown(wire);
      settle(markdown);
      return markdown;
    },
    set: settle,
  });
}
