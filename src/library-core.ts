/**
 * The client's public surface without the rich-text converters: re-exports only. The CLI loads this one, so
 * commands that never convert text do not pay for the Markdown parser; `index.ts` adds the converters.
 */

export type { CommentsApi, ListCommentsOptions, WriteCommentOptions } from './api/comments.js';
export type { GetIssueOptions, IssuesApi } from './api/issues.js';
export type {
  CachedListOptions,
  CacheType,
  FieldsApi,
  IssueLinkTypesApi,
  IssueTypesApi,
  PrioritiesApi,
  ResolutionsApi,
  StatusesApi,
} from './api/reference.js';
export type { RichTextInput } from './api/rich-text-input.js';
export type { CreateSessionOptions } from './api/sessions.js';
export type { UserInput, UserRef, UsersApi } from './api/user-refs.js';
export { Session } from './auth/session.js';
export type {
  AnonymousAuth,
  ApiTokenAuth,
  Auth,
  BasicAuth,
  HeadersAuth,
  PatAuth,
  SessionAuth,
  SessionData,
} from './auth/types.js';
export { redact, redactHeaders } from './client/redact.js';
export type {
  AfterResponseState,
  BeforeRequestState,
  BeforeRetryState,
  CallOptions,
  Deployment,
  FetchLike,
  HeaderLogConfig,
  Hooks,
  JiraOptions,
  PagingSpec,
  QueryValue,
  RequestSpec,
  RetryOptions,
  SearchOptions,
} from './client/types.js';
export {
  AuthenticationError,
  ConfigurationError,
  InputError,
  isJiraError,
  JiraError,
  NetworkError,
  NotFoundError,
  PermissionError,
  RateLimitError,
  ServerError,
  SessionExpiredError,
  TimeoutError,
} from './errors.js';
export { type HeaderLogApi, Jira, type SessionsApi } from './jira.js';
export type { Comment, CommentVisibility } from './models/comment.js';
export { type Issue, toIssue } from './models/issue.js';
export type {
  Field,
  IssueLinkType,
  IssueType,
  Priority,
  Resolution,
  Status,
  StatusCategory,
} from './models/reference.js';
export { type ServerInfo, toServerInfo } from './models/server-info.js';
export { toUser, type User } from './models/user.js';
export { VERSION } from './version.js';
