export { adfToMarkdown } from './adf-to-markdown.js';
export type { AdfDoc, AdfMark, AdfNode } from './adf-types.js';
export { emptyAdfDoc, isAdfDoc } from './adf-types.js';
export { type JiraTable, toJiraTable } from './jira-table.js';
export { markdownToAdf } from './markdown-to-adf.js';
export { markdownToWiki } from './wiki-from-markdown.js';
export { wikiToMarkdown } from './wiki-to-markdown.js';
