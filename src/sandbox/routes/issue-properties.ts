/**
 * Issue entity properties at `/rest/api/{v}/issue/{idOrKey}/properties[/{propertyKey}]`: list keys, read one,
 * create or replace one (201 / 200), delete one (204). Reading takes browse rights, writing edit rights.
 */
import type { IssueRecord } from '../model.js';
import { canBrowse, canEdit } from '../permissions.js';
import { errorResponse, HTML_TYPE, issueNotFound, jsonResponse } from '../render/responses.js';
import { apiVersions, type RouteDeps, type SandboxApp, type SandboxContext } from './context.js';

/** Jira refuses property keys longer than this. */
const MAX_KEY_LENGTH = 255;
/** Jira refuses property values bigger than this (in UTF-8 bytes of their JSON). */
const MAX_VALUE_BYTES = 32_768;

/** Mounts the issue property routes on every API version of the flavor. */
export function registerIssueProperties(app: SandboxApp, deps: RouteDeps): void {
  for (const version of apiVersions(deps.flavor)) {
    const list = deps.path(`/rest/api/${version}/issue/:idOrKey/properties`);
    const one = `${list}/:propertyKey`;

    app.get(list, (c) => {
      const issue = visibleIssue(c, deps);
      if (!issue) return issueNotFound(deps.flavor);
      const self = `${c.get('base')}/rest/api/${version}/issue/${issue.key}/properties`;
      const keys = Object.keys(issue.properties ?? {}).map((key) => ({
        self: `${self}/${encodeURIComponent(key)}`,
        key,
      }));
      return jsonResponse(200, { keys });
    });

    app.get(one, (c) => {
      const issue = visibleIssue(c, deps);
      if (!issue) return issueNotFound(deps.flavor);
      const key = c.req.param('propertyKey') ?? '';
      const properties = issue.properties ?? {};
      if (!Object.hasOwn(properties, key)) return propertyNotFound(deps, key);
      return jsonResponse(200, { key, value: properties[key] });
    });

    app.put(one, async (c) => {
      const issue = visibleIssue(c, deps);
      if (!issue) return issueNotFound(deps.flavor);
      const denied = editDenied(c, deps, issue);
      if (denied) return denied;
      const key = c.req.param('propertyKey') ?? '';
      if (key.length > MAX_KEY_LENGTH) {
        return errorResponse(400, [`The property key can not be longer than ${MAX_KEY_LENGTH} characters.`]);
      }
      const text = await c.req.text();
      const value = parseValue(text);
      if (value === undefined) return errorResponse(400, ['The property value must be a valid JSON.']);
      if (Buffer.byteLength(text, 'utf8') > MAX_VALUE_BYTES) {
        return errorResponse(400, [`The property value can not be longer than ${MAX_VALUE_BYTES} bytes.`]);
      }
      issue.properties ??= {};
      const existed = Object.hasOwn(issue.properties, key);
      // A key such as `__proto__` must become a plain entry, never the object's prototype.
      Object.defineProperty(issue.properties, key, {
        value: value.json,
        enumerable: true,
        writable: true,
        configurable: true,
      });
      deps.store.commit();
      return emptyReply(deps, existed ? 200 : 201);
    });

    app.delete(one, (c) => {
      const issue = visibleIssue(c, deps);
      if (!issue) return issueNotFound(deps.flavor);
      const denied = editDenied(c, deps, issue);
      if (denied) return denied;
      const key = c.req.param('propertyKey') ?? '';
      if (!issue.properties || !Object.hasOwn(issue.properties, key)) return propertyNotFound(deps, key);
      delete issue.properties[key];
      deps.store.commit();
      return emptyReply(deps, 204);
    });
  }
}

function visibleIssue(c: SandboxContext, deps: RouteDeps): IssueRecord | undefined {
  const issue = deps.store.issue(c.req.param('idOrKey') ?? '');
  const user = c.get('caller').user;
  if (!issue || !canBrowse(user, deps.store.project(issue.projectKey))) return undefined;
  return issue;
}

function editDenied(c: SandboxContext, deps: RouteDeps, issue: IssueRecord): Response | undefined {
  if (canEdit(c.get('caller').user, deps.store.project(issue.projectKey))) return undefined;
  return errorResponse(403, ['You do not have permission to edit issue properties.']);
}

function propertyNotFound(deps: RouteDeps, key: string): Response {
  const message =
    deps.flavor === 'cloud'
      ? `The property with key '${key}' does not exist.`
      : `Property with key ${key} not found.`;
  return errorResponse(404, [message]);
}

/** Any JSON document is a value, `null` included; undefined marks text that is not JSON. */
function parseValue(text: string): { json: unknown } | undefined {
  if (text.trim() === '') return undefined;
  try {
    return { json: JSON.parse(text) as unknown };
  } catch {
    return undefined;
  }
}

/** Jira answers property writes with no body; Data Center labels its empty replies as HTML. */
function emptyReply(deps: RouteDeps, status: number): Response {
  const headers: Record<string, string> = deps.flavor === 'datacenter' ? { 'Content-Type': HTML_TYPE } : {};
  return new Response(null, { status, headers });
}
