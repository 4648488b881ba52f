/**
 * Small real servers on 127.0.0.1 for the transport cases the sandbox cannot produce: HTML error pages,
 * non-JSON bodies, redirects to another origin, self-signed TLS, hanging replies and a CONNECT proxy.
 */

import { readFileSync } from 'node:fs';
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { connect, type Socket } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export interface TestServer {
  /** Base URL, e.g. http://127.0.0.1:40123 */
  url: string;
  port: number;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

export type Handler = (req: RecordedRequest, res: ServerResponse, raw: IncomingMessage) => void;

const TLS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'tls');

/** The test CA certificate (PEM) that signed the TLS server's certificate. */
export const TEST_CA = readFileSync(join(TLS_DIR, 'ca.pem'), 'utf8');

function track(server: Server): Set<Socket> {
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return sockets;
}

async function start(
  server: Server,
  scheme: 'http' | 'https',
  requests: RecordedRequest[],
): Promise<TestServer> {
  const sockets = track(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (typeof address !== 'object' || address === null) throw new Error('no address');
  return {
    url: `${scheme}://127.0.0.1:${address.port}`,
    port: address.port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function listener(handler: Handler, requests: RecordedRequest[]) {
  return (raw: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    raw.on('data', (c: Buffer) => chunks.push(c));
    raw.on('end', () => {
      const req = {
        method: raw.method ?? 'GET',
        url: raw.url ?? '/',
        headers: raw.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(req);
      handler(req, res, raw);
    });
  };
}

/** A plain HTTP server on 127.0.0.1 with a handler; every request is recorded. */
export function httpServer(handler: Handler): Promise<TestServer> {
  const requests: RecordedRequest[] = [];
  return start(createHttpServer(listener(handler, requests)), 'http', requests);
}

/** An HTTPS server on 127.0.0.1 whose certificate is signed by the test CA. */
export function httpsServer(handler: Handler): Promise<TestServer> {
  const requests: RecordedRequest[] = [];
  const server = createHttpsServer(
    { cert: readFileSync(join(TLS_DIR, 'server.pem')), key: readFileSync(join(TLS_DIR, 'server-key.pem')) },
    listener(handler, requests),
  );
  return start(server, 'https', requests);
}

/** Reply with JSON. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, { 'Content-Type': 'application/json;charset=UTF-8', ...headers });
  res.end(JSON.stringify(body));
}

/** A server that accepts requests and never answers (for timeouts). */
export function hangingServer(): Promise<TestServer> {
  return httpServer(() => {});
}

/** A CONNECT proxy that tunnels to any target and records the targets asked for. */
export async function connectProxy(): Promise<TestServer & { targets: string[] }> {
  const requests: RecordedRequest[] = [];
  const targets: string[] = [];
  const server = createHttpServer((_req, res) => {
    res.writeHead(405);
    res.end();
  });
  server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    const target = req.url ?? '';
    targets.push(target);
    const [host = '127.0.0.1', port = '80'] = target.split(':');
    const upstream = connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    const end = () => {
      upstream.destroy();
      client.destroy();
    };
    upstream.on('error', end);
    client.on('error', end);
    client.on('close', end);
    upstream.on('close', end);
  });
  const started = await start(server, 'http', requests);
  return { ...started, targets };
}

/** A port nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = await httpServer(() => {});
  await server.close();
  return server.port;
}
