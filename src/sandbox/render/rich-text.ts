/**
 * Rich text leaves the sandbox per API: Cloud v3 sends Atlassian Document Format, every v2 (and Data Center)
 * sends wiki markup. The store keeps Markdown; this module is the one place that converts it, with a cache
 * because the same descriptions are rendered again on every search page.
 */
import { type AdfDoc, markdownToAdf, markdownToWiki } from '../../text/index.js';

const CACHE_LIMIT = 5000;
const adfCache = new Map<string, AdfDoc>();
const wikiCache = new Map<string, string>();

/** Markdown as ADF (Cloud, API v3). The result is shared between replies: callers must not mutate it. */
export function toAdf(markdown: string): AdfDoc {
  return cached(adfCache, markdown, markdownToAdf);
}

/** Markdown as wiki markup (API v2, Data Center). */
export function toWiki(markdown: string): string {
  return cached(wikiCache, markdown, markdownToWiki);
}

function cached<T>(cache: Map<string, T>, key: string, convert: (md: string) => T): T {
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const value = convert(key);
  // A crude bound: generated data sets are larger than the cache, and clearing is cheaper than LRU upkeep.
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
  return value;
}
