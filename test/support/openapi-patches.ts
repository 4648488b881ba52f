/**
 * Known defects of Atlassian's OpenAPI documents, fixed before validating against them. One entry per defect,
 * each citing the section of shared/reference/jira-behaviour.md that records what real Jira sends.
 * Patches only ever make a schema match real Jira; they never loosen it to fit the sandbox.
 */

export type SpecFlavor = 'cloud' | 'datacenter';

/** The parts of an OpenAPI 3.0 document the patches touch. */
export interface OpenApiDocument {
  paths: Record<string, Record<string, unknown>>;
  components: { schemas: Record<string, unknown> };
}

export interface SpecPatch {
  id: string;
  flavor: SpecFlavor;
  /** Where the defect is documented. */
  cite: string;
  apply(spec: OpenApiDocument): void;
}

type Json = Record<string, unknown>;

const ERROR_COLLECTION = '#/components/schemas/ErrorCollection';
const STRING = { type: 'string' };
const NULLABLE_STRING = { type: 'string', nullable: true };

/** `{"message","status-code"}`: the body of a 401 from a resource that needs a signed-in caller. */
const AUTHENTICATION_REQUIRED = {
  type: 'object',
  additionalProperties: false,
  required: ['message', 'status-code'],
  properties: { message: STRING, 'status-code': { type: 'integer' } },
};

function schema(spec: OpenApiDocument, name: string): Json {
  const found = spec.components.schemas[name];
  if (typeof found !== 'object' || found === null) throw new Error(`spec has no schema ${name}`);
  return found as Json;
}

function properties(spec: OpenApiDocument, name: string): Json {
  const s = schema(spec, name);
  s.properties ??= {};
  return s.properties as Json;
}

/** The `responses` map of an operation, created when missing. */
function responsesOf(op: Json): Record<string, Json> {
  op.responses ??= {};
  return op.responses as Record<string, Json>;
}

function jsonContent(schemaValue: unknown): Json {
  return { 'application/json': { schema: schemaValue } };
}

/** Every operation of the document with its method. */
function* operations(spec: OpenApiDocument): Generator<Json> {
  for (const item of Object.values(spec.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (
        ['get', 'post', 'put', 'delete', 'patch'].includes(method) &&
        typeof op === 'object' &&
        op !== null
      ) {
        yield op as Json;
      }
    }
  }
}

/** Error replies the specs leave without a body are ErrorCollections; any resource may answer 401. */
function documentErrorBodies(spec: OpenApiDocument): void {
  for (const op of operations(spec)) {
    const responses = responsesOf(op);
    responses['401'] = { description: 'Not authenticated', content: jsonContent(AUTHENTICATION_REQUIRED) };
    for (const [status, response] of Object.entries(responses)) {
      if (!/^[45]\d\d$/.test(status) || status === '401' || hasSchema(response.content)) continue;
      response.content = jsonContent({ $ref: ERROR_COLLECTION });
    }
  }
}

/** Some error replies carry only an example (an ErrorCollection) and no schema: those count as undocumented. */
function hasSchema(content: unknown): boolean {
  if (typeof content !== 'object' || content === null) return false;
  return Object.values(content).some(
    (media) => typeof media === 'object' && media !== null && 'schema' in media,
  );
}

function nullable(spec: OpenApiDocument, name: string, keys: readonly string[]): void {
  const props = properties(spec, name);
  for (const key of keys) props[key] = NULLABLE_STRING;
}

/** The patch list, applied in order to a fresh copy of the flavor's document. */
export const SPEC_PATCHES: readonly SpecPatch[] = [
  {
    id: 'dc-issuebean-fields-any-value',
    flavor: 'datacenter',
    cite: '§1.5 defect 2: IssueBean.fields values are typed as objects; real values are strings, arrays, numbers, null',
    apply: (spec) => {
      const fields = properties(spec, 'IssueBean').fields as Json;
      fields.additionalProperties = true;
    },
  },
  {
    id: 'dc-serverinfo-schema',
    flavor: 'datacenter',
    cite: '§1.5 defect 3 and §3.1: ServerInfoBean has no properties',
    apply: (spec) => {
      spec.components.schemas.ServerInfoBean = {
        type: 'object',
        required: [
          'baseUrl',
          'version',
          'versionNumbers',
          'deploymentType',
          'buildNumber',
          'buildDate',
          'databaseBuildNumber',
          'scmInfo',
          'serverTitle',
        ],
        properties: {
          baseUrl: { type: 'string', format: 'uri' },
          version: STRING,
          versionNumbers: { type: 'array', items: { type: 'integer' } },
          deploymentType: { type: 'string', enum: ['Server'] },
          buildNumber: { type: 'integer' },
          buildDate: { type: 'string', format: 'date-time' },
          databaseBuildNumber: { type: 'integer' },
          serverTime: { type: 'string', format: 'date-time' },
          scmInfo: STRING,
          serverTitle: STRING,
        },
        additionalProperties: false,
      };
    },
  },
  {
    id: 'dc-changeitem-nullable',
    flavor: 'datacenter',
    cite: '§1.6 (nullable row): ChangeItemBean from/to are null in real changelogs; the DC spec has no nullable',
    apply: (spec) => nullable(spec, 'ChangeItemBean', ['from', 'fromString', 'to', 'toString']),
  },
  {
    id: 'dc-currentuser-schema',
    flavor: 'datacenter',
    cite: '§1.6 (empty schemas) and jira-rest-api.md §a5: CurrentUser is an empty object schema',
    apply: (spec) => {
      spec.components.schemas.CurrentUser = {
        type: 'object',
        required: ['self', 'name', 'loginInfo'],
        properties: {
          self: { type: 'string', format: 'uri' },
          name: STRING,
          loginInfo: { $ref: '#/components/schemas/LoginInfo' },
        },
      };
    },
  },
  {
    id: 'dc-reference-lists-are-arrays',
    flavor: 'datacenter',
    cite: '§1.5 defect 1 and §1.6: /field, /issuetype, /priority, /status, /statuscategory, /resolution declare one item',
    apply: (spec) => {
      for (const resource of ['field', 'issuetype', 'priority', 'status', 'statuscategory', 'resolution']) {
        const op = spec.paths[`/api/2/${resource}`]?.get as Json | undefined;
        const ok = op ? responsesOf(op)['200'] : undefined;
        const content = ok?.content as Record<string, Json> | undefined;
        const json = content?.['application/json'];
        if (json) json.schema = { type: 'array', items: json.schema };
      }
    },
  },
  {
    id: 'dc-createmeta-pages',
    flavor: 'datacenter',
    cite: '§1.6: createmeta issuetypes[/{id}] declare one bean; the reply is {maxResults,startAt,total,isLast,values}',
    apply: (spec) => {
      const pages: [string, string][] = [
        ['/api/2/issue/createmeta/{projectIdOrKey}/issuetypes', 'CreateMetaIssueTypeBean'],
        ['/api/2/issue/createmeta/{projectIdOrKey}/issuetypes/{issueTypeId}', 'FieldMetaBean'],
      ];
      for (const [path, item] of pages) {
        const op = spec.paths[path]?.get as Json | undefined;
        const content = op
          ? (responsesOf(op)['200']?.content as Record<string, Json> | undefined)
          : undefined;
        const json = content?.['application/json'];
        if (!json) continue;
        json.schema = {
          type: 'object',
          required: ['maxResults', 'startAt', 'total', 'isLast', 'values'],
          properties: {
            maxResults: { type: 'integer' },
            startAt: { type: 'integer' },
            total: { type: 'integer' },
            isLast: { type: 'boolean' },
            values: { type: 'array', items: { $ref: `#/components/schemas/${item}` } },
          },
          additionalProperties: false,
        };
      }
    },
  },
  {
    id: 'dc-user-searches-are-arrays',
    flavor: 'datacenter',
    cite: '§1.6: /user/search and the assignable, permission and view-issue searches declare one UserBean',
    apply: (spec) => {
      const searches = ['search', 'assignable/search', 'assignable/multiProjectSearch', 'permission/search'];
      for (const path of [...searches, 'viewissue/search']) {
        const op = spec.paths[`/api/2/user/${path}`]?.get as Json | undefined;
        const ok = op ? responsesOf(op)['200'] : undefined;
        const content = ok?.content as Record<string, Json> | undefined;
        const json = content?.['application/json'];
        if (json) json.schema = { type: 'array', items: json.schema };
      }
    },
  },
  {
    id: 'dc-attachment-upload-is-array',
    flavor: 'datacenter',
    cite: '§1.6 and §3.11: POST /issue/{k}/attachments declares one AttachmentJsonBean; the reply is an array',
    apply: (spec) => {
      const op = spec.paths['/api/2/issue/{issueIdOrKey}/attachments']?.post as Json | undefined;
      const ok = op ? responsesOf(op)['200'] : undefined;
      const json = (ok?.content as Record<string, Json> | undefined)?.['application/json'];
      if (json) json.schema = { type: 'array', items: json.schema };
    },
  },
  {
    id: 'cloud-group-and-user-replies-have-schemas',
    flavor: 'cloud',
    cite: '§1.7 (examples): these operations document only an example; the schema is the component it instantiates',
    apply: (spec) => {
      const set = (path: string, method: string, status: string, schemaValue: unknown) => {
        const op = spec.paths[path]?.[method] as Json | undefined;
        if (op) responsesOf(op)[status] = { description: 'patched', content: jsonContent(schemaValue) };
      };
      const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
      set('/rest/api/3/group/bulk', 'get', '200', ref('PageBeanGroupDetails'));
      set('/rest/api/3/group/member', 'get', '200', ref('PageBeanUserDetails'));
      set('/rest/api/3/group', 'post', '201', ref('Group'));
      set('/rest/api/3/group', 'get', '200', ref('Group'));
      set('/rest/api/3/user', 'post', '201', ref('User'));
      set('/rest/api/3/user/groups', 'get', '200', { type: 'array', items: ref('GroupName') });
    },
  },
  {
    id: 'dc-group-member-page',
    flavor: 'datacenter',
    cite: '§1.6: GET /api/2/group/member declares one UserJsonBean; the reply is a page envelope',
    apply: (spec) => {
      const op = spec.paths['/api/2/group/member']?.get as Json | undefined;
      if (!op) return;
      responsesOf(op)['200'] = {
        description: 'patched',
        content: jsonContent({
          type: 'object',
          required: ['startAt', 'maxResults', 'total', 'isLast', 'values'],
          properties: {
            self: STRING,
            nextPage: STRING,
            startAt: { type: 'integer' },
            maxResults: { type: 'integer' },
            total: { type: 'integer' },
            isLast: { type: 'boolean' },
            values: { type: 'array', items: { $ref: '#/components/schemas/UserJsonBean' } },
          },
        }),
      };
    },
  },
  {
    id: 'dc-issuelinktypes-schema',
    flavor: 'datacenter',
    cite: '§1.6 (empty schemas) and §3.6: IssueLinkTypesBean is empty; the reply is {"issueLinkTypes":[...]}',
    apply: (spec) => {
      spec.components.schemas.IssueLinkTypesBean = {
        type: 'object',
        required: ['issueLinkTypes'],
        properties: {
          issueLinkTypes: { type: 'array', items: { $ref: '#/components/schemas/IssueLinkTypeJsonBean' } },
        },
        additionalProperties: false,
      };
    },
  },
  {
    id: 'dc-error-bodies',
    flavor: 'datacenter',
    cite: '§3.13 and §3.15: error replies carry ErrorCollection (401: the message/status-code body)',
    apply: documentErrorBodies,
  },
  {
    id: 'cloud-serverinfo-locale',
    flavor: 'cloud',
    cite: '§1.7: ServerInformation forbids extra keys but lacks defaultLocale and displayUrlCSMHelpSeeker',
    apply: (spec) => {
      const props = properties(spec, 'ServerInformation');
      props.defaultLocale = {
        type: 'object',
        properties: { locale: STRING },
        required: ['locale'],
        additionalProperties: false,
      };
      props.displayUrlCSMHelpSeeker = STRING;
    },
  },
  {
    id: 'cloud-user-guest',
    flavor: 'cloud',
    cite: '§1.7: User forbids extra keys but lacks guest',
    apply: (spec) => {
      properties(spec, 'User').guest = { type: 'boolean' };
    },
  },
  {
    id: 'cloud-changedetails',
    flavor: 'cloud',
    cite: '§1.7: ChangeDetails lacks tmpFromAccountId/tmpToAccountId and types from/to as non-null strings',
    apply: (spec) => {
      nullable(spec, 'ChangeDetails', ['from', 'fromString', 'to', 'toString']);
      const props = properties(spec, 'ChangeDetails');
      props.tmpFromAccountId = NULLABLE_STRING;
      props.tmpToAccountId = NULLABLE_STRING;
    },
  },
  {
    id: 'cloud-search-removed',
    flavor: 'cloud',
    cite: '§3.12: the removed /rest/api/3/search answers 410 with an ErrorCollection, undocumented',
    apply: (spec) => {
      const item = spec.paths['/rest/api/3/search'] ?? {};
      for (const method of ['get', 'post']) {
        const op = item[method] as Json | undefined;
        if (!op) continue;
        const responses = responsesOf(op);
        responses['410'] = { description: 'Removed', content: jsonContent({ $ref: ERROR_COLLECTION }) };
      }
    },
  },
  {
    id: 'dc-remotelink-list-is-array',
    flavor: 'datacenter',
    cite: '§1.6: GET /api/2/issue/{k}/remotelink is typed as one empty bean; the reply is an array of links',
    apply: (spec) => {
      const op = spec.paths['/api/2/issue/{issueIdOrKey}/remotelink']?.get as Json;
      const link = { $ref: '#/components/schemas/RemoteIssueLinkBean' };
      // With `globalId`, the operation answers with that one link (the operation's own description).
      responsesOf(op)['200'] = {
        description: 'Remote links',
        content: jsonContent({ anyOf: [{ type: 'array', items: link }, link] }),
      };
    },
  },
  {
    id: 'cloud-remotelink-list-is-array',
    flavor: 'cloud',
    cite: '§1.7: GET /rest/api/3/issue/{k}/remotelink is typed as one RemoteIssueLink; the reply is an array',
    apply: (spec) => {
      const op = spec.paths['/rest/api/3/issue/{issueIdOrKey}/remotelink']?.get as Json;
      const link = { $ref: '#/components/schemas/RemoteIssueLink' };
      // With `globalId`, the operation answers with that one link (the operation's own description).
      responsesOf(op)['200'] = {
        description: 'Remote links',
        content: jsonContent({ anyOf: [{ type: 'array', items: link }, link] }),
      };
    },
  },
  {
    id: 'cloud-error-bodies',
    flavor: 'cloud',
    cite: '§3.13 and §3.15: error replies carry ErrorCollection (401: the message/status-code body)',
    apply: documentErrorBodies,
  },
  {
    id: 'dc-project-lists-are-arrays',
    flavor: 'datacenter',
    cite: '§1.5 defect 1 and §1.6: /project, /project/{k}/components and /versions declare one bean; replies are arrays',
    apply: (spec) => {
      for (const path of [
        '/api/2/project',
        '/api/2/project/{projectIdOrKey}/components',
        '/api/2/project/{projectIdOrKey}/versions',
      ]) {
        const op = spec.paths[path]?.get as Json | undefined;
        const json = (op ? responsesOf(op)['200']?.content : undefined) as Record<string, Json> | undefined;
        const body = json?.['application/json'];
        if (body) body.schema = { type: 'array', items: body.schema };
      }
      // The page of /project/{k}/version holds VersionBeans (§1.6: page envelopes), typed as bare objects.
      const page = spec.paths['/api/2/project/{projectIdOrKey}/version']?.get as Json | undefined;
      if (page) {
        responsesOf(page)['200'] = {
          description: 'patched',
          content: jsonContent({
            allOf: [
              { $ref: '#/components/schemas/PageBean' },
              {
                properties: {
                  values: { type: 'array', items: { $ref: '#/components/schemas/VersionBean' } },
                },
              },
            ],
          }),
        };
      }
    },
  },
  {
    id: 'dc-version-dates-are-days',
    flavor: 'datacenter',
    cite: 'VersionBean types startDate/releaseDate as date-time; versions carry calendar days (`2010-07-06` in the Cloud Version example, yyyy-MM-dd in jiraps.md §1.15)',
    apply: (spec) => {
      const props = properties(spec, 'VersionBean');
      props.startDate = { type: 'string', format: 'date' };
      props.releaseDate = { type: 'string', format: 'date' };
    },
  },
  {
    id: 'dc-filter-lists',
    flavor: 'datacenter',
    cite: '§1.5 defect 11: GET /filter/favourite and GET/POST /filter/{id}/permission declare one bean; the replies are arrays',
    apply: (spec) => {
      const arrayOf = (path: string, method: string, status: string) => {
        const op = spec.paths[path]?.[method] as Json | undefined;
        const json = (op ? responsesOf(op)[status]?.content : undefined) as Record<string, Json> | undefined;
        const media = json?.['application/json'];
        if (media) media.schema = { type: 'array', items: media.schema };
      };
      arrayOf('/api/2/filter/favourite', 'get', '200');
      arrayOf('/api/2/filter/{id}/permission', 'get', '200');
      arrayOf('/api/2/filter/{id}/permission', 'post', '201');
    },
  },
  {
    id: 'dc-filter-permission-path',
    flavor: 'datacenter',
    cite: '§1.5 defect 12: DELETE sits under a hyphenated `{permission-id}` template beside GET `{permissionId}`; one resource',
    apply: (spec) => {
      const hyphenated = spec.paths['/api/2/filter/{id}/permission/{permission-id}'];
      const named = spec.paths['/api/2/filter/{id}/permission/{permissionId}'];
      if (!hyphenated || !named) return;
      for (const [method, op] of Object.entries(hyphenated)) if (!(method in named)) named[method] = op;
      delete spec.paths['/api/2/filter/{id}/permission/{permission-id}'];
    },
  },
  {
    id: 'dc-project-roles-map',
    flavor: 'datacenter',
    cite: 'Projects (full project `roles{name:url}`) and the operation\'s own text "List of roles and URIs": GET /api/2/project/{k}/role documents no body; the reply is that name-to-URL map, as Cloud documents it',
    apply: (spec) => {
      const op = spec.paths['/api/2/project/{projectIdOrKey}/role']?.get as Json | undefined;
      if (!op) return;
      responsesOf(op)['200'] = {
        description: 'patched',
        content: jsonContent({ type: 'object', additionalProperties: { type: 'string', format: 'uri' } }),
      };
    },
  },
];
