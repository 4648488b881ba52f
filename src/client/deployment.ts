/**
 * Cloud or Data Center. Detected once per client from serverInfo's `deploymentType` unless the caller says;
 * a failed detection throws rather than guesses, since the two answer the same URL differently.
 */

import { AuthenticationError, ConfigurationError, isJiraError, NetworkError } from '../errors.js';
import type { Deployment } from './types.js';

/** Map serverInfo's `deploymentType`: "Cloud" is Cloud, anything else ("Server", "DataCenter") is Data Center. */
export function deploymentFromType(deploymentType: unknown): Deployment {
  return typeof deploymentType === 'string' && deploymentType.toLowerCase() === 'cloud'
    ? 'cloud'
    : 'datacenter';
}

/** The REST API version the library prefers: 3 on Cloud (ADF, enhanced search), 2 on Data Center. */
export function apiVersion(deployment: Deployment): '2' | '3' {
  return deployment === 'cloud' ? '3' : '2';
}

/** Remembers the deployment of one client; concurrent first calls share one detection. */
export class DeploymentDetector {
  private known: Deployment | undefined;
  private pending: Promise<Deployment> | undefined;

  constructor(
    private readonly server: string,
    fixed?: Deployment,
  ) {
    if (fixed !== undefined && fixed !== 'cloud' && fixed !== 'datacenter') {
      throw new ConfigurationError(`deployment must be 'cloud' or 'datacenter' (got '${String(fixed)}')`);
    }
    this.known = fixed;
  }

  /** The deployment, detecting it with `readDeploymentType` the first time. */
  async get(readDeploymentType: () => Promise<unknown>): Promise<Deployment> {
    if (this.known) return this.known;
    this.pending ??= this.detect(readDeploymentType).finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  private async detect(readDeploymentType: () => Promise<unknown>): Promise<Deployment> {
    let deploymentType: unknown;
    try {
      deploymentType = await readDeploymentType();
    } catch (error) {
      // Bad credentials, an unreachable host or a caller's abort say more as themselves.
      if (error instanceof AuthenticationError || error instanceof NetworkError || !isJiraError(error))
        throw error;
      throw this.failure(error.message, error);
    }
    if (typeof deploymentType !== 'string' || deploymentType === '') {
      throw this.failure('serverInfo has no deploymentType');
    }
    this.known = deploymentFromType(deploymentType);
    return this.known;
  }

  private failure(reason: string, cause?: unknown): ConfigurationError {
    return new ConfigurationError(
      `Could not tell whether ${this.server} is Jira Cloud or Data Center (${reason}). ` +
        "Pass `deployment: 'cloud'` or `deployment: 'datacenter'`.",
      cause === undefined ? {} : { cause },
    );
  }
}
