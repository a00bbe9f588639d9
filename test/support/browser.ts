// Shared Chromium set-up for the browser tests: Debian's Chromium with the flags this machine needs,
// a watcher that turns CSP violations (which Chromium reports only as page events, not console
// messages) into entries of the test's problem list, and one for all of a page's problems.
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic',
  '--no-first-run', '--disable-component-update', '--disable-sync',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** Records every CSP violation in `problems` (as "csp: …") for pages of this page or context. */
export async function watchCsp(target: Page | BrowserContext, problems: string[]): Promise<void> {
  await target.exposeFunction('reportCspViolation', (text: string) => problems.push(`csp: ${text}`));
  await target.addInitScript(() => {
    type Violation = { violatedDirective: string; blockedURI: string; sourceFile: string; lineNumber: number };
    // Runs in the page; the node tsconfig has no DOM lib, so describe the window structurally.
    const win = globalThis as unknown as {
      reportCspViolation(text: string): void;
      addEventListener(type: 'securitypolicyviolation', listener: (e: Violation) => void): void;
    };
    win.addEventListener('securitypolicyviolation', (v) => {
      win.reportCspViolation(`${v.violatedDirective} blocked ${v.blockedURI} at ${v.sourceFile}:${v.lineNumber}`);
    });
  });
}

/** Console errors, uncaught page errors and CSP violations of `page`, all into `problems`. */
export async function watchPage(page: Page, problems: string[]): Promise<void> {
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  await watchCsp(page, problems);
}
