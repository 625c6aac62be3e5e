import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Browser, type Page } from '@playwright/test';

/**
 * The review loop with two people in two browser contexts: an annotator edits and submits a KITTI
 * frame, a reviewer flags a box and rejects it, the same annotator fixes the box, resolves the flag
 * and resubmits, the same reviewer accepts. The harness's shared server has no users, so this spec
 * runs its own `cuboid serve` with an annotator and a reviewer created through the CLI.
 *
 * Needs the app with `SessionGate` around it and `ReviewPanel` and `DashboardButton` mounted
 * (data-testids `login-*`, `review-*`, `flag-*`, `diff-*`, `open-metrics`, `metrics-*`), built
 * with `vite build --mode e2e` into dist/ (or the folder in CUBOID_REVIEW_DIST).
 */

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DATASET = path.join(ROOT, '../shared/samples/kitti');
const DIST = path.resolve(ROOT, process.env.CUBOID_REVIEW_DIST ?? 'dist');
const FRAME = '000002';

let state = '';
let server: ChildProcess | null = null;
let baseURL = '';
const tokens: Record<string, string> = {};

function cli(args: string[]): string {
  const res = spawnSync(process.execPath, ['src/cli/cuboid.js', ...args], { cwd: ROOT, encoding: 'utf8' });
  if (res.status !== 0) throw new Error(`cuboid ${args.join(' ')} failed: ${res.stderr}`);
  return res.stdout;
}

test.beforeAll(async () => {
  state = mkdtempSync(path.join(tmpdir(), 'cuboid-e2e-review-'));
  for (const [name, role] of [
    ['ann', 'annotator'],
    ['rev', 'reviewer'],
    ['lea', 'lead'],
  ]) {
    const out = cli(['user', 'add', name, '--role', role, '--data', DATASET, '--state', state]);
    tokens[name] = /^token: (\S+)$/m.exec(out)![1];
  }
  const child = spawn(process.execPath, ['src/cli/cuboid.js', 'serve', DATASET, '--port', '0', '--state', state, '--dist', DIST], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server = child;
  baseURL = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /Open (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m !== null) resolve(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`cuboid serve exited (${code}): ${out}`)));
  });
});

test.afterAll(async () => {
  if (server !== null && server.exitCode === null) {
    const exited = new Promise((resolve) => server!.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
  if (state !== '') rmSync(state, { recursive: true, force: true });
});

/** A browser context for one person, logged in through the login page, with the frame open. */
async function personAt(browser: Browser, user: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(`/?frame=${FRAME}`);
  await expect(page.getByTestId('login-page')).toBeVisible();
  await page.getByTestId('login-token').fill(tokens[user]);
  await page.getByTestId('login-submit').click();
  await waitForFrame(page);
  return page;
}

async function waitForFrame(page: Page): Promise<void> {
  await page.waitForFunction((fid) => {
    const s = (window as any).__cuboid?.store.getState();
    return s?.doc?.frameId === fid && (s.load.status === 'done' || s.load.status === 'error');
  }, FRAME);
  await expect(page.getByTestId('review-status')).toBeVisible();
}

/**
 * Moves a box by `dx` metres along x through the editor's action (the same path as the
 * inspector), then waits for the autosave to store it as a new revision.
 */
async function moveBox(page: Page, index: number, dx: number): Promise<string> {
  const { id, before } = await page.evaluate(
    ([i, d]) => {
      const hook = (window as any).__cuboid;
      const s = hook.store.getState();
      const box = s.doc.cuboids[i];
      const saved = s.save.lastSavedRevision as number;
      hook.editor.actions.executeAction('updateCuboid', undefined, { id: box.id, patch: { center: [box.center[0] + d, box.center[1], box.center[2]] } });
      return { id: box.id as string, before: saved };
    },
    [index, dx] as const,
  );
  await page.waitForFunction((rev) => {
    const s = (window as any).__cuboid.store.getState();
    return s.save.status === 'saved' && s.save.lastSavedRevision > rev;
  }, before);
  return id;
}

/** Submits; when the server's checks find errors, gives a reason for each (they go to the history). */
async function submit(page: Page): Promise<void> {
  await page.getByTestId('review-submit').click();
  const overrides = page.getByTestId('review-overrides');
  await expect(page.getByTestId('review-status').and(page.locator('[data-status="submitted"]')).or(overrides)).toBeVisible();
  if (await overrides.isVisible()) {
    for (const box of await page.getByTestId('review-override-reason').all()) await box.fill('checked against the camera image');
    await page.getByTestId('review-submit-overrides').click();
  }
  await expect(page.getByTestId('review-status')).toHaveAttribute('data-status', 'submitted');
}

test('annotator and reviewer go through reject → fix → accept on a real KITTI frame', async ({ browser }) => {
  const ann = await personAt(browser, 'ann');
  await expect(ann.getByTestId('review-status')).toHaveAttribute('data-status', 'todo');

  // The annotator moves the car 0.4 m; the first save starts the frame and assigns it.
  const boxId = await moveBox(ann, 0, 0.4);
  await expect(ann.getByTestId('review-status')).toHaveAttribute('data-status', 'in_progress');
  await expect(ann.getByTestId('review-assignment')).toHaveText(/annotator ann/);
  await submit(ann);
  await expect(ann.getByTestId('review-submit')).toHaveCount(0);
  await expect(ann.getByTestId('frame-' + FRAME)).toContainText('submitted');
  // Submitted: the boxes are locked for the annotator; an edit is refused in words, nothing is sent.
  await ann.waitForFunction(() => (window as any).__cuboid.store.getState().editLock !== null);
  const locked = await ann.evaluate(() => {
    const hook = (window as any).__cuboid;
    const before = hook.store.getState().doc;
    const box = before.cuboids[0];
    hook.editor.actions.executeAction('updateCuboid', undefined, { id: box.id, patch: { center: [box.center[0] + 1, box.center[1], box.center[2]] } });
    const after = hook.store.getState();
    return { same: after.doc === before, message: after.ui.message?.text as string, save: after.save.status as string };
  });
  expect(locked.same).toBe(true);
  expect(locked.message).toMatch(/submitted and waits for review/);
  expect(locked.save).toBe('saved');

  // The reviewer flags the moved box and rejects the frame.
  const rev = await personAt(browser, 'rev');
  await expect(rev.getByTestId('review-status')).toHaveAttribute('data-status', 'submitted');
  await expect(rev.getByTestId('review-submit')).toHaveCount(0);
  // A reviewer's right column opens with the review panel, not the editing controls.
  await expect(rev.getByTestId('rightbar-reviewer')).toBeVisible();
  await expect(rev.getByTestId('review-reject')).toHaveCount(0); // nothing flagged yet
  await rev.evaluate((id) => (window as any).__cuboid.store.getState().select([id]), boxId);
  await expect(rev.getByTestId('flag-target')).toContainText('Flag the selected');
  await rev.getByTestId('flag-reason').selectOption('box-fits-object');
  await rev.getByTestId('flag-comment').fill('the box sticks out 40 cm at the front');
  await rev.getByTestId('flag-add').click();
  await expect(rev.getByTestId('flag-item')).toHaveAttribute('data-state', 'open');
  await expect(rev.getByTestId('review-accept')).toHaveCount(0);
  await rev.getByTestId('review-reject-comment').fill('one box to fix');
  await rev.getByTestId('review-reject').click();
  await expect(rev.getByTestId('review-status')).toHaveAttribute('data-status', 'rejected');
  await rev.screenshot({ path: 'test-results/review-rejected.png' });

  // Back to the same annotator: fix the box, resolve the flag, resubmit.
  await ann.reload();
  await waitForFrame(ann);
  await expect(ann.getByTestId('review-status')).toHaveAttribute('data-status', 'rejected');
  await expect(ann.getByTestId('review-reject-note')).toContainText('Sent back by rev: “one box to fix”');
  await expect(ann.getByTestId('frame-' + FRAME).getByTestId('frame-open-flags')).toHaveText('⚑ 1 open flag · ');
  await expect(ann.getByTestId('flag-item')).toContainText('the box sticks out 40 cm at the front');
  // The flag's reason opens the team's rule for it in the SOP.
  await ann.getByTestId('flag-sop').click();
  await expect(ann.getByTestId('sop-box-fits-object')).toHaveClass(/focused/);
  await ann.getByTestId('sop-close').click();
  await moveBox(ann, 0, -0.4);
  await ann.getByTestId('flag-resolve').click();
  await expect(ann.getByTestId('flag-item')).toHaveAttribute('data-state', 'resolved');
  await expect(ann.getByTestId('frame-' + FRAME).getByTestId('frame-open-flags')).toHaveCount(0);
  await submit(ann);

  // The same reviewer sees what changed and accepts; the resolved flag closes with the accept.
  await rev.reload();
  await waitForFrame(rev);
  await expect(rev.getByTestId('review-status')).toHaveAttribute('data-status', 'submitted');
  await rev.getByTestId('diff-range').selectOption('previous');
  await expect(rev.getByTestId('diff-row')).toHaveCount(1);
  await expect(rev.getByTestId('diff-row')).toContainText('−0.40 0.00 0.00 m');
  await rev.getByTestId('review-accept').click();
  await expect(rev.getByTestId('review-status')).toHaveAttribute('data-status', 'accepted');
  await expect(rev.getByTestId('flag-item')).toHaveAttribute('data-state', 'closed');
  await expect(rev.getByTestId('review-history')).toContainText('accepted');
  await rev.screenshot({ path: 'test-results/review-accepted.png' });

  // The server's record: the same annotator and reviewer throughout, every step in order.
  const review = await (await rev.request.get(`/api/frames/${FRAME}/review`)).json();
  expect(review).toMatchObject({ status: 'accepted', annotator: 'ann', reviewer: 'rev' });
  expect(review.history.map((h: { action: string; user: string }) => `${h.action}:${h.user}`)).toEqual([
    'submit:ann',
    'flag_add:rev',
    'reject:rev',
    'flag_update:ann',
    'submit:ann',
    'accept:rev',
  ]);
  // Roles hold in the browser too: the reviewer may not export, the annotator may not accept.
  expect((await rev.request.get('/api/export.zip?points=0')).status()).toBe(403);
  expect((await ann.request.post(`/api/frames/${FRAME}/accept`, { data: {} })).status()).toBe(403);
});

test('the lead sees the loop in the metrics dashboard: a row per person, plots and a CSV', async ({ browser }) => {
  const lea = await personAt(browser, 'lea');
  await lea.getByTestId('open-metrics').click();
  const dashboard = lea.getByTestId('metrics-dashboard');
  await expect(dashboard).toBeVisible();
  await expect(dashboard.locator('[data-testid="metrics-row"][data-user="ann"]')).toBeVisible();
  await expect(dashboard.locator('[data-testid="metrics-row"][data-user="rev"]')).toContainText('1 / 1');
  // ann's rework: 1 flag on the 2 × 2 boxes submitted = 25 per 100: a small table while all of it
  // is on one day (as in this run), else a bar.
  const rework = dashboard.getByTestId('chart-rework');
  await expect(rework.getByTestId('single-day-rework').or(rework.locator('.recharts-bar-rectangle').first())).toBeVisible();
  if (await rework.getByTestId('single-day-rework').isVisible()) await expect(rework.getByTestId('single-day-rework')).toContainText('25.0');
  await expect(dashboard.locator('[data-testid="metrics-row"][data-user="ann"]')).toContainText('25.0');
  await lea.screenshot({ path: 'test-results/review-metrics.png' });
  const href = await dashboard.getByTestId('metrics-csv-user').getAttribute('href');
  const csv = await lea.request.get(href!);
  expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');
  const rows = (await csv.text()).split('\r\n');
  expect(rows[0]).toMatch(/^user,active_minutes,frames,/);
  expect(rows.find((r) => r.startsWith('ann,'))).toMatch(/^ann,[\d.]+,1,/);
  await lea.getByTestId('metrics-user').selectOption('rev');
  await expect(dashboard.getByTestId('metrics-row')).toHaveCount(1);
});
