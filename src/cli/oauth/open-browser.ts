import { spawn } from 'node:child_process';

/** The command that hands a URL to the desktop's default browser on this platform. */
function opener(url: string): [string, string[]] {
  if (process.platform === 'darwin') return ['open', [url]];
  // `start` is a cmd built-in; the empty string is the window title it would otherwise take from the URL.
  if (process.platform === 'win32') return ['cmd', ['/c', 'start', '""', url.replace(/&/g, '^&')]];
  return ['xdg-open', [url]];
}

/**
 * Asks the desktop to open `url` and resolves whether that seems to have worked: false when the opener is
 * missing or exits with an error soon (xdg-open does on a machine without a browser), so the caller can print
 * the URL instead. The opener is detached, so it never keeps the CLI running.
 */
export function openBrowser(url: string): Promise<boolean> {
  const [command, args] = opener(url);
  return new Promise<boolean>((resolve) => {
    let child: ReturnType<typeof spawn>;
    try {
      child = spawn(command, args, { detached: true, stdio: 'ignore', windowsHide: true });
    } catch {
      resolve(false);
      return;
    }
    // A still-running opener after a moment has most likely handed the URL over.
    const timer = setTimeout(() => {
      child.unref();
      resolve(true);
    }, 1500);
    child.once('error', () => {
      clearTimeout(timer);
      resolve(false);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      child.unref();
      resolve(code === 0);
    });
  });
}
