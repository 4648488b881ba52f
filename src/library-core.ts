/**
 * The client's public surface without the rich-text converters: re-exports only. The CLI loads this one, so
 * commands that never convert text do not pay for the Markdown parser; `index.ts` adds the converters.
 */

export type {
  AttachmentFileInput,
  AttachmentsApi,
  DownloadOptions,
  DownloadTarget,
  ListAttachmentsOptions,
} from './api/attachments.js';
export type {
  CommentManyInput,
  DeleteManyInput,
  TransitionManyInput,
  UpdateManyInput,
} from './api/bulk/item-work.js';
export type { BulkJournalSummary, BulkOperation } from './api/bulk/journal.js';
export type { BulkItemResult } from './api/bulk/jql-operations.js';
export { readBulkJournal } from './api/bulk/read-journal.js';
export type { BulkProgress, BulkRunOptions } from './api/bulk/run-items.js';
export type { BulkCreateOptions, BulkCreateResult } from './api/bulk-create.js';
export type { IssueRow, RowCreateInput } from './api/bulk-rows.js';
export type { ChangelogOptions } from './api/changelog.js';
export type { CommentsApi, ListCommentsOptions, WriteCommentOptions } from './api/comments.js';
export type {
  ComponentsApi,
  CreateComponentInput,
  RemoveComponentOptions,
  UpdateComponentChanges,
} from './api/components.js';
export type { IssueSearchOptions } from './api/deferred-issue-read.js';
export type { FieldInfo, FieldScope } from './api/field-resolver.js';
export type {
  AddFilterPermissionInput,
  FilterPermissionsApi,
  FilterShareType,
} from './api/filter-permissions.js';
export type {
  CreateFilterInput,
  FilterOrderBy,
  FiltersApi,
  FindFiltersOptions,
  UpdateFilterInput,
} from './api/filters.js';
export type { GroupMembersOptions, GroupsApi, MembershipChange } from './api/groups.js';
export type { AddIssueLinkInput, IssueLinkRequest, IssueLinksApi } from './api/issue-links.js';
export type { IssuePropertiesApi } from './api/issue-properties.js';
export type {
  CreateIssueInput,
  CreateRequestOptions,
  IssueFieldsInput,
  RemoveIssueOptions,
  UpdateIssueChanges,
  UpdateIssueOptions,
} from './api/issue-writes.js';
export type { IssueWriteMethods } from './api/issue-writes-api.js';
export type { GetIssueOptions, IssuesApi } from './api/issues.js';
export type { LabelsApi } from './api/labels.js';
export type { LookupMemo } from './api/lookup-memo.js';
export type { CreateMetaOptions } from './api/metadata.js';
export type { ListProjectsOptions, ProjectsApi } from './api/projects.js';
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
export type { ListRemoteLinksOptions, RemoteLinksApi } from './api/remote-links.js';
export type { RichTextInput } from './api/rich-text-input.js';
export type { CreateSessionOptions } from './api/sessions.js';
export type {
  ListTransitionsOptions,
  TransitionOptions,
  TransitionsApi,
} from './api/transitions.js';
export type { UserInput, UserRef } from './api/user-refs.js';
export type { CreateUserInput, SearchUsersOptions, UpdateUserInput, UsersApi } from './api/users.js';
export type {
  CreateVersionInput,
  DateInput,
  ListVersionsOptions,
  RemoveVersionOptions,
  UpdateVersionChanges,
  VersionOrder,
  VersionPosition,
  VersionsApi,
} from './api/versions.js';
export type { WatchersApi } from './api/watchers.js';
export type {
  AddWorklogInput,
  EstimateAdjustment,
  ListWorklogsOptions,
  RemoveWorklogOptions,
  WorklogsApi,
} from './api/worklogs.js';
export {
  type OAuth1AccessTokenOptions,
  type OAuth1RequestTokenOptions,
  oauth1AccessToken,
  oauth1RequestToken,
} from './auth/oauth1-flow.js';
export {
  type AccessibleResource,
  accessibleResources,
  type CompleteOAuth2Options,
  completeOAuth2Authorization,
  type OAuth2Authorization,
  revokeOAuth2Token,
  type StartOAuth2Options,
  startOAuth2Authorization,
} from './auth/oauth2-flow.js';
export { Session } from './auth/session.js';
export type {
  AnonymousAuth,
  ApiTokenAuth,
  Auth,
  BasicAuth,
  HeadersAuth,
  OAuth1Auth,
  OAuth2Auth,
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
  OAuth2JiraOptions,
  OAuthClientOptions,
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
  OAuthError,
  PermissionError,
  RateLimitError,
  ServerError,
  SessionExpiredError,
  TimeoutError,
} from './errors.js';
export { type HeaderLogApi, Jira, type SessionsApi } from './jira.js';
export type { Attachment } from './models/attachment.js';
export type { Comment, CommentVisibility } from './models/comment.js';
export type { Component, ComponentAssigneeType } from './models/component.js';
export type { Filter, FilterPermission, FilterPermissionType } from './models/filter.js';
export type { Group } from './models/group.js';
export type { HistoryEntry, HistoryItem } from './models/history.js';
export { type Issue, toIssue } from './models/issue.js';
export type {
  IssueLink,
  IssueLinkTypeRef,
  LinkedIssueRef,
} from './models/issue-link.js';
export type {
  CreateMetaField,
  CreateMetaIssueType,
  EditMetaField,
  FieldMeta,
} from './models/metadata.js';
export type { Project } from './models/project.js';
export type {
  Field,
  IssueLinkType,
  IssueType,
  Priority,
  Resolution,
  Status,
  StatusCategory,
} from './models/reference.js';
export type {
  RemoteLink,
  RemoteLinkApplication,
  RemoteLinkIcon,
  RemoteLinkInput,
} from './models/remote-link.js';
export { type ServerInfo, toServerInfo } from './models/server-info.js';
export type { Transition, TransitionField } from './models/transition.js';
export { toUser, type User } from './models/user.js';
export type { Version } from './models/version.js';
export type { Worklog } from './models/worklog.js';
export { VERSION } from './version.js';
