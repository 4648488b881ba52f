import type { Flavor } from '../model.js';
import { jsonResponse } from '../render/responses.js';
import { jiraTimestamp } from '../render/time.js';
import { apiVersions, type RouteDeps, type SandboxApp } from './context.js';

const SCM_INFO = '3f1c6a2b9d0e4f5a8b7c6d5e4f3a2b1c0d9e8f7a';

/** `GET /rest/api/{v}/serverInfo`: readable anonymously; Data Center hides `serverTime` from anonymous callers. */
export function registerServerInfo(app: SandboxApp, deps: RouteDeps): void {
  for (const version of apiVersions(deps.flavor)) {
    app.get(deps.path(`/rest/api/${version}/serverInfo`), (c) =>
      jsonResponse(200, serverInfo(deps.flavor, c.get('base'), c.get('caller').user !== null)),
    );
  }
}

/** The serverInfo body of a flavor (Data Center 10.4.0 reports deploymentType "Server", as real DC does). */
export function serverInfo(flavor: Flavor, base: string, signedIn: boolean): Record<string, unknown> {
  const now = jiraTimestamp(new Date());
  if (flavor === 'datacenter') {
    const info: Record<string, unknown> = {
      baseUrl: base,
      version: '10.4.0',
      versionNumbers: [10, 4, 0],
      deploymentType: 'Server',
      buildNumber: 10040001,
      buildDate: '2025-01-22T00:00:00.000+0000',
      databaseBuildNumber: 10040001,
    };
    if (signedIn) info.serverTime = now;
    info.scmInfo = SCM_INFO;
    info.serverTitle = 'Jira';
    return info;
  }
  return {
    baseUrl: base,
    displayUrl: base,
    displayUrlServicedeskHelpCenter: base,
    displayUrlCSMHelpSeeker: base,
    displayUrlConfluence: base,
    version: '1001.0.0-SNAPSHOT',
    versionNumbers: [1001, 0, 0],
    deploymentType: 'Cloud',
    buildNumber: 100293,
    buildDate: '2026-01-02T00:49:35.000+0000',
    serverTime: now,
    scmInfo: SCM_INFO,
    serverTitle: 'Jira',
    defaultLocale: { locale: 'en_US' },
    serverTimeZone: 'Etc/UTC',
  };
}
