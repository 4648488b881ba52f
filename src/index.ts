/** The public library surface of `jirats`: re-exports only. */

export * from './library-core.js';
export {
  type AdfDoc,
  type AdfMark,
  type AdfNode,
  adfToMarkdown,
  emptyAdfDoc,
  isAdfDoc,
  type JiraTable,
  markdownToAdf,
  markdownToWiki,
  toJiraTable,
  wikiToMarkdown,
} from './text/index.js';
