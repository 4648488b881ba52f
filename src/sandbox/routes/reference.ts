/**
 * Reference data routes: `/field`, `/priority`, `/status`, `/status/{idOrName}`, `/statuscategory`,
 * `/issuetype`, `/resolution`, `/issueLinkType` and `/issueLinkType/{id}`, on every API version of the flavor.
 * Jira lets anonymous callers read these where the instance allows anonymous browsing, so the sandbox does too.
 */
import {
  ISSUE_LINK_TYPES,
  ISSUE_TYPES,
  PRIORITIES,
  RESOLUTIONS,
  STATUS_CATEGORIES,
  STATUSES,
} from '../model.js';
import { renderFieldCatalogue } from '../render/field-catalogue.js';
import { renderIssueType, renderPriority, renderResolution, renderStatus } from '../render/references.js';
import { errorResponse, jsonResponse } from '../render/responses.js';
import { apiRoot, type RenderScope } from '../render/scope.js';
import { apiVersions, type RouteDeps, type SandboxApp, scopeFor } from './context.js';

/** Registers the reference data routes. */
export function registerReference(app: SandboxApp, deps: RouteDeps): void {
  for (const version of apiVersions(deps.flavor)) {
    const at = (route: string) => deps.path(`/rest/api/${version}${route}`);
    const scope = (c: Parameters<typeof scopeFor>[0]) => scopeFor(c, deps, version);
    app.get(at('/field'), () => jsonResponse(200, renderFieldCatalogue(deps.flavor)));
    app.get(at('/priority'), (c) =>
      jsonResponse(
        200,
        listOf(PRIORITIES, (p) => priority(p.id, scope(c))),
      ),
    );
    app.get(at('/status'), (c) =>
      jsonResponse(
        200,
        listOf(STATUSES, (s) => renderStatus(s.id, scope(c))),
      ),
    );
    app.get(at('/status/:idOrName'), (c) => {
      const wanted = c.req.param('idOrName') ?? '';
      const lower = wanted.toLowerCase();
      const found =
        STATUSES.find((s) => s.id === wanted) ?? STATUSES.find((s) => s.name.toLowerCase() === lower);
      if (!found) return errorResponse(404, [`The status with id or name '${wanted}' does not exist.`]);
      return jsonResponse(200, renderStatus(found.id, scope(c)));
    });
    app.get(at('/statuscategory'), (c) => jsonResponse(200, statusCategories(scope(c))));
    app.get(at('/issuetype'), (c) =>
      jsonResponse(
        200,
        listOf(ISSUE_TYPES, (t) => renderIssueType(t.id, scope(c))),
      ),
    );
    app.get(at('/resolution'), (c) =>
      jsonResponse(
        200,
        listOf(RESOLUTIONS, (r) => renderResolution(r.id, scope(c))),
      ),
    );
    app.get(at('/issueLinkType'), (c) =>
      jsonResponse(200, { issueLinkTypes: ISSUE_LINK_TYPES.map((t) => linkType(t, scope(c))) }),
    );
    app.get(at('/issueLinkType/:id'), (c) => {
      const id = c.req.param('id') ?? '';
      const found = ISSUE_LINK_TYPES.find((t) => t.id === id);
      if (!found) return errorResponse(404, [`No issue link type with id '${id}' found.`]);
      return jsonResponse(200, linkType(found, scope(c)));
    });
  }
}

function listOf<T>(items: readonly T[], render: (item: T) => Record<string, unknown> | null): unknown[] {
  return items.map(render).filter((x) => x !== null);
}

/** The list form of a priority adds what the embedded form leaves out: description and status colour. */
function priority(id: string, scope: RenderScope): Record<string, unknown> | null {
  const embedded = renderPriority(id, scope);
  if (!embedded) return null;
  const level = PRIORITIES.findIndex((p) => p.id === id);
  return {
    ...embedded,
    statusColor: PRIORITY_COLOURS[level] ?? '#707070',
    description: `${String(embedded.name)} priority`,
  };
}

const PRIORITY_COLOURS = ['#d04437', '#f15C75', '#f79232', '#707070', '#999999'];

function statusCategories(scope: RenderScope): Record<string, unknown>[] {
  return STATUS_CATEGORIES.map((c) => ({
    self: `${apiRoot(scope)}/statuscategory/${c.id}`,
    id: c.id,
    key: c.key,
    colorName: c.colorName[scope.flavor],
    name: c.name,
  }));
}

function linkType(type: (typeof ISSUE_LINK_TYPES)[number], scope: RenderScope): Record<string, unknown> {
  return { ...type, self: `${apiRoot(scope)}/issueLinkType/${type.id}` };
}
