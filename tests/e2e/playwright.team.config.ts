import { defineConfig } from '@playwright/test';

/** The team backend's port (the folder run uses 8796–8799). */
const TEAM_PORT = 8795;

/**
 * The core flow once more on the team backend: `cuboid serve s3://cuboid-e2e/kitti --db
 * postgres://…` (PostgreSQL and s3rver started by team/teamServer.ts: a throwaway cluster, or a
 * fresh database on `CUBOID_TEST_PG_URL`). One spec only (team/), so CI grows by one test; the rest
 * of the suite runs on a folder and SQLite (`playwright.config.ts`, which skips team/). `npm run
 * test:e2e` runs both configs. The browser settings are those of `playwright.config.ts` (not
 * imported: loading it builds that run's datasets).
 */
export default defineConfig({
  testDir: './team',
  testMatch: '**/*.spec.ts',
  timeout: 120_000,
  expect: { timeout: 30_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${TEAM_PORT}`,
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
  webServer: {
    command: `node --import tsx tests/e2e/team/teamServer.ts ${TEAM_PORT}`,
    cwd: '../..',
    url: `http://127.0.0.1:${TEAM_PORT}/api/frames`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'pipe',
    // SIGTERM lets the wrapper stop PostgreSQL (pg_ctl detaches it from the process group) and s3rver.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 30_000 },
  },
});
