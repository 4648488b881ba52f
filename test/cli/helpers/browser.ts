/**
 * A real Chromium for the sign-in tests, driven through playwright-core. Without the executable the browser tests
 * are skipped with a visible message, except under CI (env CI set), where a missing browser is a failure.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import type { TestContext } from 'node:test';
import { type Browser, chromium, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

let launched: Promise<Browser> | undefined;

/** The shared browser, launched on first use; undefined (test skipped) when Chromium is missing outside CI. */
export async function browserFor(t: TestContext): Promise<Browser | undefined> {
  if (!existsSync(CHROMIUM_PATH)) {
    if (process.env.CI)
      assert.fail(`Chromium not found at ${CHROMIUM_PATH}; CI needs it for the browser tests`);
    t.skip(`Chromium not found at ${CHROMIUM_PATH}`);
    return undefined;
  }
  launched ??= chromium.launch({ executablePath: CHROMIUM_PATH, args: ARGS });
  return launched;
}

/** Closes the shared browser if it was launched. */
export async function closeBrowser(): Promise<void> {
  if (launched) await (await launched).close();
  launched = undefined;
}

/**
 * Signs in on the sandbox's pages at `url` and answers the consent page; resolves when the browser has been
 * sent back to the CLI's callback and shows its page. Each sign-in gets a fresh context (no shared cookies).
 */
export async function signInInBrowser(
  browser: Browser,
  url: string,
  who: { username: string; password: string; decision?: 'Accept' | 'Deny' },
): Promise<string> {
  const context = await browser.newContext();
  try {
    const page: Page = await context.newPage();
    await page.goto(url);
    await page.fill('input[name="username"]', who.username);
    await page.fill('input[name="password"]', who.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: who.decision ?? 'Accept' }).click();
    await page.waitForURL(/127\.0\.0\.1:\d+\/callback/);
    return (await page.textContent('body')) ?? '';
  } finally {
    await context.close();
  }
}
