/** serverInfo: version, build and whether the server is Cloud or Data Center. */

import { deploymentFromType } from '../client/deployment.js';
import type { Deployment } from '../client/types.js';
import { asRecord, str } from './json.js';

/** What `GET /rest/api/2/serverInfo` says, normalised; `raw` is the wire JSON. */
export interface ServerInfo {
  baseUrl: string;
  version: string;
  versionNumbers: number[];
  deploymentType: string;
  deployment: Deployment;
  buildNumber: number;
  serverTitle?: string;
  serverTime?: string;
  raw: Record<string, unknown>;
}

/** Convert wire serverInfo to a ServerInfo. */
export function toServerInfo(json: unknown): ServerInfo {
  const raw = asRecord(json) ?? {};
  const deploymentType = str(raw, 'deploymentType') ?? '';
  const versionNumbers = Array.isArray(raw.versionNumbers)
    ? raw.versionNumbers.filter((n): n is number => typeof n === 'number')
    : [];
  const info: ServerInfo = {
    baseUrl: str(raw, 'baseUrl') ?? '',
    version: str(raw, 'version') ?? '',
    versionNumbers,
    deploymentType,
    deployment: deploymentFromType(deploymentType),
    buildNumber: typeof raw.buildNumber === 'number' ? raw.buildNumber : Number(raw.buildNumber ?? 0) || 0,
    raw,
  };
  const serverTitle = str(raw, 'serverTitle');
  if (serverTitle !== undefined) info.serverTitle = serverTitle;
  const serverTime = str(raw, 'serverTime');
  if (serverTime !== undefined) info.serverTime = serverTime;
  return info;
}
