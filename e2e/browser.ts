import { afterAll, beforeAll } from 'vitest';
import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

export const SCREENSHOT_DIR = 'e2e/screenshots';

/**
 * Debian's Chromium, headless, with the background-networking flags this offline machine needs.
 * Every page it opens is watched for Content Security Policy violations (the console reports each one); closing the
 * browser — every journey does in `afterAll` — fails the journey if any was seen, so a CSP that breaks the app (or
 * app code that needs inline script) cannot pass unnoticed.
 */
export async function launch(extraArgs: string[] = []): Promise<Browser> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      ...extraArgs,
    ],
  });
  const violations: string[] = [];
  const newPage = browser.newPage.bind(browser);
  browser.newPage = async (options) => {
    const page = await newPage(options);
    page.on('console', (m) => {
      if (m.text().includes('Content Security Policy')) violations.push(`${page.url()}: ${m.text()}`);
    });
    return page;
  };
  const close = browser.close.bind(browser);
  browser.close = async (options) => {
    await close(options);
    if (violations.length > 0) throw new Error(`Content Security Policy violations:\n${violations.join('\n')}`);
  };
  return browser;
}

export async function shot(page: Page, name: string) {
  await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}.png`, fullPage: true });
}

export async function login(page: Page, baseUrl: string, username: string, password = 'demo') {
  await page.goto(`${baseUrl}/login`);
  await page.locator('#login_username').fill(username);
  await page.locator('#login_password').fill(password);
  await page.getByRole('button', { name: /đăng nhập|log in/i }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/**
 * The file's browser: launched before its tests and closed after them (the two hooks are registered here, so a journey
 * file cannot forget the close, which is where Content Security Policy violations fail it). Used before `beforeAll`
 * has run, it throws.
 */
export function useBrowser(): Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return new Proxy({} as Browser, {
    get(_, key) {
      if (!browser) throw new Error('useBrowser: the browser is launched in beforeAll; use it inside tests and hooks');
      const value: unknown = Reflect.get(browser, key);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(browser) : value;
    },
  });
}
