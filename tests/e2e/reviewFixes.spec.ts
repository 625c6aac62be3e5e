import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Browser, type Page } from '@playwright/test';

/**
 * Review as the walkthrough met it, on a KITTI frame with shipped labels (imported as revision 1):
 * the reviewer sees what the annotator changed since the import; the first reviewer to flag holds
 * the frame; a frame with an open flag cannot be resubmitted; a lead is offered a reopen of an
 * accepted frame; the metrics show the correction work and each person's role. Its own
 * `cuboid serve` with users (the harness's shared server has none).
 */

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DATASET = path.join(ROOT, '../shared/samples/kitti');
const DIST = path.resolve(ROOT, process.env.CUBOID_REVIEW_DIST ?? 'dist');
const FRAME = '000001';

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
  state = mkdtempSync(path.join(tmpdir(), 'cuboid-e2e-review-fixes-'));
  for (const [name, role] of [
    ['ann', 'annotator'],
    ['rev', 'reviewer'],
    ['rev2', 'reviewer'],
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

async function personAt(browser: Browser, user: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(`/?frame=${FRAME}`);
  await page.getByTestId('login-token').fill(tokens[user]);
  await page.getByTestId('login-submit').click();
  await page.waitForFunction((fid) => {
    const s = (window as any).__cuboid?.store.getState();
    return s?.doc?.frameId === fid && (s.load.status === 'done' || s.load.status === 'error');
  }, FRAME);
  await expect(page.getByTestId('review-status')).toBeVisible();
  return page;
}

/** A POST from the page itself (same origin, JSON), answering the status and the error detail. */
function post(page: Page, step: string, body: object = {}): Promise<{ status: number; detail: string }> {
  return page.evaluate(
    async ([url, payload]) => {
      const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(payload) });
      const json = (await res.json().catch(() => ({}))) as { detail?: string };
      return { status: res.status, detail: json.detail ?? '' };
    },
    [`/api/frames/${FRAME}/${step}`, body] as const,
  );
}

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

test('since-import diff, the first reviewer holds the frame, no resubmit with an open flag, a lead can reopen, metrics show corrections', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  // The annotator corrects an imported box by 0.5 m and submits.
  const ann = await personAt(browser, 'ann');
  const boxId = await ann.evaluate(() => {
    const hook = (window as any).__cuboid;
    const box = hook.store.getState().doc.cuboids[0];
    hook.editor.actions.executeAction('updateCuboid', undefined, { id: box.id, patch: { center: [box.center[0] + 0.5, box.center[1], box.center[2]] } });
    return box.id as string;
  });
  await ann.waitForFunction(
    () => (window as any).__cuboid.store.getState().save.status === 'saved' && (window as any).__cuboid.store.getState().save.lastSavedRevision >= 2,
  );
  await submit(ann);

  // The reviewer compares with the import: the corrected box, +0.50 m.
  const rev = await personAt(browser, 'rev');
  await rev.getByTestId('diff-range').selectOption('import');
  await expect(rev.getByTestId('diff-row')).toHaveCount(1);
  await expect(rev.getByTestId('diff-row')).toContainText('+0.50 0.00 0.00 m');
  // The first flag makes rev the frame's reviewer.
  await rev.evaluate((id) => (window as any).__cuboid.store.getState().select([id]), boxId);
  await rev.getByTestId('flag-reason').selectOption('box-fits-object');
  await rev.getByTestId('flag-comment').fill('move it back');
  await rev.getByTestId('flag-add').click();
  await expect(rev.getByTestId('review-assignment')).toContainText('reviewer rev');
  await rev.screenshot({ path: 'test-results/review-fixes-since-import.png' });

  // Another reviewer can no longer act on it, and is told who holds it.
  const rev2 = await personAt(browser, 'rev2');
  await expect(rev2.getByTestId('flag-form')).toHaveCount(0);
  const refused = await post(rev2, 'flags', { cuboidId: boxId, reason: 'box-fits-object', comment: 'me too' });
  expect(refused.status).toBe(403);
  expect(refused.detail).toMatch(/reviewed by rev, who acted on it first/);
  await rev.getByTestId('review-reject').click();
  await expect(rev.getByTestId('review-status')).toHaveAttribute('data-status', 'rejected');

  // Back with the annotator: no resubmit while the flag is open, in the panel and at the server.
  await ann.reload();
  await ann.waitForFunction((fid) => (window as any).__cuboid?.store.getState().doc?.frameId === fid, FRAME);
  await expect(ann.getByTestId('review-status')).toHaveAttribute('data-status', 'rejected');
  await expect(ann.getByTestId('review-submit')).toHaveCount(0);
  await expect(ann.getByTestId('review-hint')).toHaveText('1 flag is still open: fix what it asks and resolve it, then resubmit.');
  const early = await post(ann, 'submit', { overrides: [] });
  expect(early.status).toBe(409);
  expect(early.detail).toMatch(/1 review flag is still open/);
  await ann.getByTestId('flag-resolve').click();
  await submit(ann);
  await rev.reload();
  await rev.waitForFunction((fid) => (window as any).__cuboid?.store.getState().doc?.frameId === fid, FRAME);
  await rev.getByTestId('review-accept').click();
  await expect(rev.getByTestId('review-status')).toHaveAttribute('data-status', 'accepted');

  // The lead sees how to reopen the accepted frame.
  const lea = await personAt(browser, 'lea');
  await expect(lea.getByTestId('review-reject')).toHaveText('Reopen');
  await expect(lea.getByTestId('review-reject')).toBeDisabled();
  await expect(lea.getByTestId('review-hint')).toContainText('To reopen it for the annotator, flag what must change');
  await lea.screenshot({ path: 'test-results/review-fixes-reopen.png' });

  // Metrics: the annotator's correction shows as Changed; everyone's role is there, annotators first.
  await lea.getByTestId('open-metrics').click();
  const dashboard = lea.getByTestId('metrics-dashboard');
  const annRow = dashboard.locator('[data-testid="metrics-row"][data-user="ann"]');
  await expect(annRow).toHaveAttribute('data-role', 'annotator');
  await expect(dashboard.locator('[data-testid="metrics-row"][data-user="rev"]')).toHaveAttribute('data-role', 'reviewer');
  const changedColumn = await dashboard.locator('thead th').evaluateAll((ths) => ths.findIndex((th) => th.textContent === 'Changed'));
  expect(changedColumn).toBeGreaterThan(0);
  expect(Number(await annRow.locator('td').nth(changedColumn).innerText())).toBeGreaterThanOrEqual(1);
  await lea.screenshot({ path: 'test-results/review-fixes-metrics.png' });
});
