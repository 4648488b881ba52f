/**
 * Run as a child process by transport.test.ts: reports whether undici was loaded after a plain call and
 * after a proxied one (a fresh process, so no other test has loaded it already).
 */

import { createRequire } from 'node:module';
import { Jira } from '../../../src/index.js';
import { httpServer, sendJson } from './servers.js';

const require = createRequire(import.meta.url);
const undiciLoaded = () =>
  Object.keys(require.cache).some((path) => /[\\/]node_modules[\\/]undici[\\/]/.test(path));

const server = await httpServer((_req, res) => sendJson(res, 200, { ok: true }));
try {
  await new Jira({ server: server.url }).request({ path: '/plain' });
  const plain = undiciLoaded();
  const proxied = new Jira({ server: server.url, proxy: 'http://127.0.0.1:9', noProxy: '127.0.0.1' });
  await proxied.request({ path: '/proxied' });
  await proxied.close();
  process.stdout.write(JSON.stringify({ plain, proxied: undiciLoaded() }));
} finally {
  await server.close();
}
