/** An issue's available transitions, shaped per flavor: Data Center's TransitionBean, Cloud's IssueTransition. */
import type { IssueRecord } from '../model.js';
import { RESOLUTIONS } from '../model.js';
import { isDoneStatus, type TransitionDef, transitionsFor } from '../workflows.js';
import { renderStatus } from './references.js';
import { apiRoot, type RenderScope } from './scope.js';

export interface TransitionRenderOptions {
  /** `expand=transitions.fields`: each transition's screen fields (`{}` when it has none). */
  withFields: boolean;
  /** Only the transition with this id (`transitionId` query parameter). */
  onlyId?: string;
}

/** The transitions offered to `issue` from its current status. */
export function renderTransitions(
  issue: IssueRecord,
  scope: RenderScope,
  options: TransitionRenderOptions,
): Record<string, unknown>[] {
  return transitionsFor(issue.issueTypeId, issue.statusId)
    .filter((t) => options.onlyId === undefined || t.id === options.onlyId)
    .map((t) => renderTransition(issue, t, scope, options.withFields));
}

function renderTransition(
  issue: IssueRecord,
  t: TransitionDef,
  scope: RenderScope,
  withFields: boolean,
): Record<string, unknown> {
  const out: Record<string, unknown> =
    scope.flavor === 'datacenter'
      ? { id: t.id, name: t.name, description: '', opsbarSequence: 2147483647 }
      : { id: t.id, name: t.name };
  out.to = renderStatus(t.toStatusId, scope);
  if (scope.flavor === 'cloud') {
    Object.assign(out, {
      hasScreen: t.hasScreen,
      isGlobal: t.global,
      isInitial: false,
      isAvailable: true,
      isConditional: false,
      isLooped: t.global && t.toStatusId === issue.statusId,
    });
  }
  if (withFields) out.fields = transitionFields(t, scope);
  return out;
}

/** Screen fields: the resolve screens ask for a resolution; no other sandbox transition has fields. */
function transitionFields(t: TransitionDef, scope: RenderScope): Record<string, unknown> {
  if (!t.hasScreen || !isDoneStatus(t.toStatusId)) return {};
  return {
    resolution: {
      required: true,
      schema: { type: 'resolution', system: 'resolution' },
      name: 'Resolution',
      key: 'resolution',
      operations: ['set'],
      allowedValues: RESOLUTIONS.map((r) => ({
        self: `${apiRoot(scope)}/resolution/${r.id}`,
        id: r.id,
        description: r.description,
        name: r.name,
      })),
    },
  };
}
