import { canBrowse } from '../auth.js';
import { parseExpand, selectFields } from '../render/field-selection.js';
import { ISSUE_EXPAND, renderIssue } from '../render/issue.js';
import { issueNotFound, jsonResponse } from '../render/responses.js';
import { apiVersions, type RouteDeps, type SandboxApp, scopeFor } from './context.js';

/** `GET /rest/api/{v}/issue/{idOrKey}` with `fields` (default `*all`) and `expand`; hidden issues are 404. */
export function registerIssues(app: SandboxApp, deps: RouteDeps): void {
  for (const version of apiVersions(deps.flavor)) {
    app.get(deps.path(`/rest/api/${version}/issue/:idOrKey`), (c) => {
      const issue = deps.store.issue(c.req.param('idOrKey') ?? '');
      const user = c.get('caller').user;
      if (!issue || !canBrowse(user, deps.store.project(issue.projectKey))) return issueNotFound(deps.flavor);
      const selection = selectFields(c.req.queries('fields'), '*all', deps.flavor);
      const body = renderIssue(issue, scopeFor(c, deps, version), {
        fields: selection.fields,
        expand: parseExpand(c.req.queries('expand')),
        expandString: ISSUE_EXPAND,
        namesOnIssue: true,
      });
      return jsonResponse(200, body);
    });
  }
}
