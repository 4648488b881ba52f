/**
 * Progress of a bulk run on stderr: a live bar on a terminal, a plain line every 2 s otherwise (logs and CI),
 * nothing with --quiet. The library reports every state change; drawing is throttled here.
 */
import type { BulkProgress } from '../../../index.js';
import type { Terminal } from '../../io/terminal.js';

/** What the library reports on every state change of a bulk run. */
export type ProgressSnapshot = BulkProgress;

/** A progress display: fed snapshots, stopped once at the end. */
export interface ProgressView {
  update(p: ProgressSnapshot): void;
  stop(): void;
}

const PLAIN_EVERY_MS = 2000;

/** The plain progress line, e.g. `done 120/1000, failed 2, waiting 3s on rate limit, 41/s`. */
export function progressLine(p: ProgressSnapshot): string {
  const parts = [`done ${p.done}${p.total === undefined ? '' : `/${p.total}`}`, `failed ${p.failed}`];
  if (p.skipped > 0) parts.push(`skipped ${p.skipped}`);
  if (p.waitingMs > 0) parts.push(`waiting ${Math.ceil(p.waitingMs / 1000)}s on rate limit`);
  parts.push(`${rate(p.ratePerSecond)}/s`);
  return parts.join(', ');
}

function rate(perSecond: number): string {
  return perSecond >= 10 ? String(Math.round(perSecond)) : perSecond.toFixed(1);
}

/** The display that suits the terminal; cli-progress loads only when a bar is actually drawn. */
export async function progressView(terminal: Terminal): Promise<ProgressView> {
  if (terminal.options.quiet) return { update: () => undefined, stop: () => undefined };
  if (terminal.stderrIsTTY && !terminal.options.debug) return barView();
  return plainView(terminal);
}

function plainView(terminal: Terminal): ProgressView {
  let latest: ProgressSnapshot | undefined;
  let printed = '';
  const timer = setInterval(() => {
    if (!latest) return;
    const line = progressLine(latest);
    if (line !== printed) terminal.err(line);
    printed = line;
  }, PLAIN_EVERY_MS);
  timer.unref();
  return {
    update: (p) => {
      latest = p;
    },
    stop: () => clearInterval(timer),
  };
}

async function barView(): Promise<ProgressView> {
  const { default: progress } = await import('cli-progress');
  const bar = new progress.SingleBar(
    {
      format: '{bar} {value}/{total} | failed {failed} | {waiting}{rate}/s',
      stream: process.stderr,
      hideCursor: true,
      clearOnComplete: true,
      fps: 5,
    },
    progress.Presets.shades_classic,
  );
  let started = false;
  const payload = (p: ProgressSnapshot) => ({
    failed: p.failed,
    waiting: p.waitingMs > 0 ? `waiting ${Math.ceil(p.waitingMs / 1000)}s on rate limit | ` : '',
    rate: rate(p.ratePerSecond),
  });
  return {
    update: (p) => {
      const value = p.done + p.failed + p.skipped;
      if (!started) {
        bar.start(p.total ?? 0, value, payload(p));
        started = true;
        return;
      }
      if (p.total !== undefined && p.total !== bar.getTotal()) bar.setTotal(p.total);
      bar.update(value, payload(p));
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}
