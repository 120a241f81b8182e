import { defineConfig } from '@playwright/test';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

// Debian's Chromium, never a downloaded browser build (scripts/test.sh installs it with apt when missing).
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const results = process.env.ORCHESTRATOR_TEST_RESULTS ?? path.resolve(here, '../artifacts/test-results');

export default defineConfig({
  testDir: 'e2e',
  testMatch: '*.spec.ts',
  globalSetup: './e2e/global-setup.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 20_000 },
  outputDir: path.join(results, 'designer-e2e-output'),
  reporter: [['list'], ['junit', { outputFile: path.join(results, 'designer-e2e.junit.xml') }]],
  use: {
    // global-setup starts the real server and puts its address here.
    baseURL: process.env.DESIGNER_E2E_BASE_URL,
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    screenshot: 'only-on-failure',
    trace: 'off',
    launchOptions: {
      executablePath: chromium,
      args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'],
    },
  },
});
