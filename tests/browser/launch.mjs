// launch.mjs - headless Chromium as every browser check opens it: a fresh
// profile each run (--user-data-dir=$(mktemp -d)), no network of its own.
import { chromium } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export function launch(viewport) {
  return chromium.launchPersistentContext(mkdtempSync(path.join(tmpdir(), 'rg-chromium-')), {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    viewport,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
