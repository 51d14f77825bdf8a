// The browser suite's runner: @playwright/test over Debian's Chromium (CHROMIUM overrides the
// path), headless, a trace kept for each failed test in test-results/ (gitignored; open one with
// `npx playwright show-trace test-results/<test>/trace.zip`). Nothing here needs the network.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: '*.test.mjs',
  outputDir: 'test-results',
  reporter: 'list',
  // Two files at a time: on 2 cores the suite took 4.9 and 5.7 min so, 6.5 and 6.2 min with one
  // (docs/maintaining.md). Each worker has its own sites and browser. WORKERS overrides.
  workers: Number(process.env.WORKERS || 2),
  // A test waits for its own state; one that is still going after this is stuck.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  forbidOnly: true,
  use: {
    headless: true,
    launchOptions: {
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
      args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
    viewport: { width: 1280, height: 900 },
    // The DOM before and after each action, not a screenshot per action: screenshots nearly
    // doubled the suite's CPU time (wizard.test.mjs: 22 s against 14 s).
    trace: { mode: 'retain-on-failure', screenshots: false },
  },
});
