/**
 * Servers the CLI tests talk to over 127.0.0.1: the sandbox on a real port, and tiny stand-ins for what a
 * sandbox never does (an HTML error page, a body that is not JSON, a TLS certificate nobody trusts).
 */
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type RequestListener, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createSandbox, type Sandbox, type SandboxOptions } from '../../../src/sandbox/index.js';
import { ROOT } from './cli.js';

export const TLS_DIR = join(ROOT, 'test/fixtures/tls');

export interface Running {
  url: string;
  close(): Promise<void>;
}

/** A sandbox listening on a free port. */
export async function startSandbox(options: SandboxOptions): Promise<Running & { sb: Sandbox }> {
  const sb = createSandbox(options);
  const url = await sb.listen(0);
  return { sb, url, close: () => sb.close() };
}

async function listen(server: Server, scheme: 'http' | 'https'): Promise<Running> {
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${scheme}://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

/** An HTTP server answering every request with `handler`. */
export function startHttp(handler: RequestListener): Promise<Running> {
  return listen(createHttpServer(handler), 'http');
}

/** An HTTPS server whose certificate is signed by the test CA (trusted only with --ca-file). */
export function startHttps(handler: RequestListener): Promise<Running> {
  const server = createHttpsServer(
    { key: readFileSync(join(TLS_DIR, 'server-key.pem')), cert: readFileSync(join(TLS_DIR, 'server.pem')) },
    handler,
  );
  return listen(server, 'https');
}

/** A serverInfo reply like Data Center's, for the stand-in servers. */
export function serverInfoJson(baseUrl: string): string {
  return JSON.stringify({
    baseUrl,
    version: '10.3.0',
    versionNumbers: [10, 3, 0],
    deploymentType: 'Server',
    buildNumber: 10030000,
    serverTitle: 'Stand-in',
  });
}

/** A port on 127.0.0.1 where nothing listens (it was free a moment ago). */
export async function closedPort(): Promise<number> {
  const server = createHttpServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}
