import { defineConfig } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBigDataset } from './bigDataset.ts';
import { brokenDataset, unlabelledSequence } from './sequenceDataset.ts';

const PORT = 8797;
/** The real KITTI frames, served read-only; the database and label files go to a fresh temp folder. */
const DATASET = '../shared/samples/kitti';
const STATE = mkdtempSync(join(tmpdir(), 'cuboid-e2e-'));
process.env.CUBOID_E2E_STATE = STATE;
/** A flat folder with one 5M-point PCD, served on a second port for the streaming test. */
export const BIG_PORT = 8798;
const BIG = ensureBigDataset();
const BIG_STATE = mkdtempSync(join(tmpdir(), 'cuboid-e2e-big-state-'));
/** The generated 10-frame sequence with camera images, unlabelled, for the sequence test. */
export const SEQ_PORT = 8799;
const SEQ = unlabelledSequence();
/** One good and one truncated frame, for the load-error test. */
export const BROKEN_PORT = 8796;
const BROKEN = brokenDataset();

/**
 * e2e runs the built app (vite build --mode e2e) behind the real `cuboid serve`, in Debian's Chromium
 * with software WebGL. `npx playwright install` cannot download browsers here, so the path is fixed.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  // team/: the same app on PostgreSQL and a bucket, run by playwright.team.config.ts.
  testIgnore: ['team/**'],
  timeout: 120_000,
  expect: { timeout: 30_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--use-angle=swiftshader',
        '--enable-unsafe-swiftshader',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
      ],
    },
  },
  webServer: [
    {
      command: `node src/cli/cuboid.js serve ${DATASET} --port ${PORT} --state ${STATE}`,
      cwd: '../..',
      url: `http://127.0.0.1:${PORT}/api/frames`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'pipe',
    },
    {
      command: `node src/cli/cuboid.js serve ${BIG} --port ${BIG_PORT} --state ${BIG_STATE}`,
      cwd: '../..',
      url: `http://127.0.0.1:${BIG_PORT}/api/frames`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      command: `node src/cli/cuboid.js serve ${SEQ} --port ${SEQ_PORT}`,
      cwd: '../..',
      url: `http://127.0.0.1:${SEQ_PORT}/api/frames`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      command: `node src/cli/cuboid.js serve ${BROKEN} --port ${BROKEN_PORT}`,
      cwd: '../..',
      url: `http://127.0.0.1:${BROKEN_PORT}/api/frames`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
  ],
});
