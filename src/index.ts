/** The public library surface of `jirats`: re-exports only. */

export { failureReason } from './api/bulk-create.js';
export { rowToCreateInput } from './api/bulk-rows.js';
export * from './library-core.js';
// Converters of resources most CLI commands never read: exported here, not from the core the CLI loads.
export { toAttachment } from './models/attachment.js';
export { toComment } from './models/comment.js';
export {
  toField,
  toIssueLinkType,
  toIssueType,
  toPriority,
  toResolution,
  toStatus,
} from './models/reference.js';
export { toTransition } from './models/transition.js';
export { toWorklog } from './models/worklog.js';
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
export { formatTimeSpan, parseTimeSpan } from './text/time-span.js';
