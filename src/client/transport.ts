/**
 * Which fetch carries a request. Plain use is the global (or injected) fetch; extra CAs, skipped TLS checks
 * and proxies need undici's Agent/ProxyAgent with undici's own fetch, loaded lazily so plain use never pays.
 */

import type { Dispatcher } from 'undici';
import { ConfigurationError } from '../errors.js';
import { redactUrl } from './redact.js';
import type { FetchLike } from './types.js';

export interface TransportOptions {
  fetch?: FetchLike;
  ca?: string | string[];
  insecure?: boolean;
  proxy?: string;
  noProxy?: string;
  onWarning?: (message: string) => void;
}

type UndiciFetch = (
  input: string,
  init: Omit<RequestInit, 'dispatcher'> & { dispatcher: Dispatcher },
) => Promise<Response>;

interface Dispatchers {
  fetch: UndiciFetch;
  direct: Dispatcher;
  proxied?: Dispatcher;
}

/** True when `noProxy` (NO_PROXY style: `*`, `host`, `.suffix`, `host:port`) says to bypass the proxy for `url`. */
export function bypassesProxy(url: URL, noProxy: string | undefined): boolean {
  if (!noProxy) return false;
  const host = url.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  for (const raw of noProxy.split(/[\s,]+/)) {
    const entry = raw.trim().toLowerCase();
    if (entry === '') continue;
    if (entry === '*') return true;
    const { name, entryPort } = splitNoProxyEntry(entry);
    if (entryPort !== undefined && entryPort !== port) continue;
    if (host === name || host.endsWith(`.${name}`)) return true;
  }
  return false;
}

/** Split `host`, `host:port`, `[v6]:port` or a bare IPv6 address; a leading `*.` or `.` is dropped. */
function splitNoProxyEntry(entry: string): { name: string; entryPort: string | undefined } {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
  if (bracketed) return { name: bracketed[1] ?? '', entryPort: bracketed[2] };
  const parts = entry.split(':');
  const [host = '', port] = parts.length === 2 ? parts : [entry, undefined];
  return { name: host.replace(/^\*?\./, ''), entryPort: port };
}

/** Chooses and builds the fetch for each request. */
export class Transport {
  private dispatchers: Promise<Dispatchers> | undefined;
  private readonly needsUndici: boolean;

  constructor(private readonly options: TransportOptions) {
    this.needsUndici = options.ca !== undefined || options.insecure === true || options.proxy !== undefined;
    if (options.proxy !== undefined) {
      let proxy: URL;
      try {
        proxy = new URL(options.proxy);
      } catch {
        throw new ConfigurationError(`Invalid proxy URL: ${redactUrl(options.proxy)}`);
      }
      if (proxy.protocol !== 'http:' && proxy.protocol !== 'https:') {
        throw new ConfigurationError(`Proxy URL must be http:// or https://: ${redactUrl(options.proxy)}`);
      }
    }
    if (options.insecure) {
      options.onWarning?.(
        'TLS certificate verification is off (insecure): anyone on the path can read and alter traffic.',
      );
    }
    if (this.needsUndici && options.fetch) {
      options.onWarning?.('ca, insecure and proxy are ignored because a custom fetch was given.');
      this.needsUndici = false;
    }
  }

  /** The fetch to use for `url`. */
  async fetchFor(url: URL): Promise<FetchLike> {
    if (this.options.fetch) return this.options.fetch;
    if (!this.needsUndici) return globalThis.fetch;
    this.dispatchers ??= this.build();
    const d = await this.dispatchers;
    const dispatcher = d.proxied && !bypassesProxy(url, this.options.noProxy) ? d.proxied : d.direct;
    return (input, init) => d.fetch(String(input), { ...init, dispatcher });
  }

  private async build(): Promise<Dispatchers> {
    const undici = await import('undici');
    const tls = { rejectUnauthorized: this.options.insecure !== true, ...(await this.caOption()) };
    const direct = new undici.Agent({ connect: tls });
    const proxied = this.options.proxy
      ? new undici.ProxyAgent({ uri: this.options.proxy, requestTls: tls, proxyTls: tls })
      : undefined;
    return { fetch: undici.fetch as unknown as UndiciFetch, direct, ...(proxied ? { proxied } : {}) };
  }

  // Node's `ca` replaces the default roots, so extra CAs are added to them rather than given alone.
  private async caOption(): Promise<{ ca?: string[] }> {
    if (this.options.ca === undefined) return {};
    const extra = Array.isArray(this.options.ca) ? this.options.ca : [this.options.ca];
    const { rootCertificates } = await import('node:tls');
    return { ca: [...rootCertificates, ...extra] };
  }

  /** Close undici's connection pools, if any were made. */
  async close(): Promise<void> {
    if (!this.dispatchers) return;
    const d = await this.dispatchers;
    await Promise.all([d.direct.close(), d.proxied?.close()]);
    this.dispatchers = undefined;
  }
}
