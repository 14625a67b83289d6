import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

// Browser tests and benchmarks drive the system's Chromium (Debian's package by default): browser downloads
// are not part of the install. CHROMIUM_PATH points elsewhere, e.g. at Google Chrome on a CI runner.
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
export const noChromiumReason = `${CHROMIUM} is missing (install Debian's chromium package, or set CHROMIUM_PATH, to run the browser tests)`;

/** Headless, and with Chromium's background traffic off: the tests must reach nothing but loopback. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
