import { createHash } from 'node:crypto';
import type { UserRecord } from '../model.js';
import { apiRoot, type RenderScope } from './scope.js';

/** Avatar URL sizes Jira sends, largest first. */
const SIZES = [
  ['48x48', ''],
  ['24x24', 'small'],
  ['16x16', 'xsmall'],
  ['32x32', 'medium'],
] as const;

/**
 * A user as embedded in other resources: Data Center's UserJsonBean (name and key) or Cloud's UserDetails
 * (accountId, never name or key).
 */
export function renderUserRef(user: UserRecord, scope: RenderScope): Record<string, unknown> {
  if (scope.flavor === 'datacenter') {
    return {
      self: `${apiRoot(scope)}/user?username=${encodeURIComponent(user.name)}`,
      name: user.name,
      key: user.key,
      emailAddress: user.email,
      avatarUrls: avatarUrls(user, scope),
      displayName: user.displayName,
      active: user.active,
      timeZone: user.timeZone,
    };
  }
  return {
    self: `${apiRoot(scope)}/user?accountId=${encodeURIComponent(user.accountId)}`,
    accountId: user.accountId,
    emailAddress: user.email,
    avatarUrls: avatarUrls(user, scope),
    displayName: user.displayName,
    active: user.active,
    timeZone: user.timeZone,
    accountType: 'atlassian',
  };
}

/** The user by name as embedded JSON, or null for an empty user field. */
export function renderUserByName(name: string | null, scope: RenderScope): Record<string, unknown> | null {
  if (name === null) return null;
  const user = scope.store.userByName(name);
  return user ? renderUserRef(user, scope) : null;
}

/** The full user of `/myself`, with `groups` and `applicationRoles` expanded when asked. */
export function renderMyself(
  user: UserRecord,
  scope: RenderScope,
  expand: Set<string>,
): Record<string, unknown> {
  const groups = {
    size: user.groups.length,
    items: expand.has('groups')
      ? user.groups.map((name) => ({
          name,
          self: `${apiRoot(scope)}/group?groupname=${encodeURIComponent(name)}`,
        }))
      : [],
  };
  const applicationRoles = {
    size: 1,
    items: expand.has('applicationRoles') ? [{ key: 'jira-software', name: 'Jira Software' }] : [],
  };
  const ref = renderUserRef(user, scope);
  if (scope.flavor === 'datacenter') {
    return {
      self: ref.self,
      key: user.key,
      name: user.name,
      emailAddress: user.email,
      avatarUrls: ref.avatarUrls,
      displayName: user.displayName,
      active: user.active,
      deleted: false,
      timeZone: user.timeZone,
      locale: 'en_US',
      groups,
      applicationRoles,
      expand: 'groups,applicationRoles',
    };
  }
  return {
    self: ref.self,
    accountId: user.accountId,
    accountType: 'atlassian',
    emailAddress: user.email,
    avatarUrls: ref.avatarUrls,
    displayName: user.displayName,
    active: user.active,
    timeZone: user.timeZone,
    locale: 'en_US',
    groups,
    applicationRoles,
    expand: 'groups,applicationRoles',
  };
}

function avatarUrls(user: UserRecord, scope: RenderScope): Record<string, string> {
  const urls: Record<string, string> = {};
  if (scope.flavor === 'datacenter') {
    for (const [label, size] of SIZES) {
      const sizePart = size === '' ? '' : `size=${size}&`;
      urls[label] =
        `${scope.base}/secure/useravatar?${sizePart}ownerId=${encodeURIComponent(user.key)}&avatarId=10341`;
    }
    return urls;
  }
  const hash = createHash('md5').update(user.email.toLowerCase()).digest('hex');
  for (const [label] of SIZES) {
    urls[label] = `https://secure.gravatar.com/avatar/${hash}?d=identicon&s=${label.split('x')[0]}`;
  }
  return urls;
}
