import { expect, test } from '@playwright/test';
import { waitForTool, waitForViewStill } from './helpers.ts';
import type { Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { unlabelledSequence } from './sequenceDataset.ts';

/** A server of its own (a fresh unlabelled copy of the sample sequence), so the other specs' frames stay as they are. */
const PORT = 8794;
const URL_BASE = `http://127.0.0.1:${PORT}`;
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
let server: ChildProcess | null = null;

interface TruthObject {
  trackId: string;
  center: [number, number, number];
}
const truth = JSON.parse(readFileSync(new URL('../../samples/ground_truth.json', import.meta.url), 'utf8')) as { frames: { objects: TruthObject[] }[] };
const TRACK = 'car-07';
const truthCentre = (frame: number) => truth.frames[frame].objects.find((o) => o.trackId === TRACK)!.center;

test.beforeAll(async () => {
  server = spawn(process.execPath, ['src/cli/cuboid.js', 'serve', unlabelledSequence(), '--port', String(PORT)], { cwd: ROOT, stdio: 'ignore' });
  for (let i = 0; i < 120; i++) {
    const up = await fetch(`${URL_BASE}/api/frames`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`cuboid serve did not start on port ${PORT}`);
});
test.afterAll(() => {
  server?.kill();
});

async function waitFrame(page: Page, id: string): Promise<void> {
  await page.waitForFunction((fid) => {
    const s = (window as any).__cuboid?.store.getState();
    return s && s.load.frameId === fid && s.load.status === 'done' && s.doc?.frameId === fid;
  }, id);
}

/** F, then a click on the car's centre in the top view: one fitted box, selected. */
async function fitCar(page: Page, frame: number): Promise<string> {
  return fitAt(page, truthCentre(frame));
}

/** The track id of the open frame's box `id`. */
async function trackOf(page: Page, id: string): Promise<string> {
  return page.evaluate((boxId) => (window as any).__cuboid.store.getState().doc.cuboids.find((c: any) => c.id === boxId).trackId as string, id);
}

/** F, then a click at `centre` (LiDAR frame) in the top view: one fitted box, selected. */
async function fitAt(page: Page, centre: [number, number, number]): Promise<string> {
  const before = (await page.evaluate(() => (window as any).__cuboid.store.getState().doc.cuboids.length)) as number;
  await page.keyboard.press('f');
  await waitForTool(page, 'fit');
  await waitForViewStill(page, centre);
  const xy = (await page.evaluate((p) => (window as any).__cuboid.project(p), centre)) as [number, number];
  await page.mouse.click(xy[0], xy[1]);
  await page.waitForFunction((n) => (window as any).__cuboid.store.getState().doc.cuboids.length === n + 1, before);
  await page.keyboard.press('v');
  return page.evaluate(() => (window as any).__cuboid.store.getState().selectedIds[0] as string);
}

test('C onto a car already boxed in the app joins that box instead of adding a second one, and the frame list says so at once', async ({ page }) => {
  test.setTimeout(180_000);
  // Frame 1: the car boxed by hand first (a box made in the app has a track id of its own).
  await page.goto(`${URL_BASE}/?frame=000001`);
  await waitFrame(page, '000001');
  await page.keyboard.press('m');
  const madeHere = await fitCar(page, 1);
  await page.waitForFunction(() => (window as any).__cuboid.store.getState().save.status === 'saved');
  // Frame 0: the same car, then C carries it to frame 1.
  await page.keyboard.press('Escape');
  await page.keyboard.press('a');
  await waitFrame(page, '000000');
  await fitCar(page, 0);
  await page.keyboard.press('c');
  await page.waitForFunction(() => /Carried/.test((window as any).__cuboid.store.getState().ui.message?.text ?? ''), null, { timeout: 120_000 });
  const message = (await page.evaluate(() => (window as any).__cuboid.store.getState().ui.message.text)) as string;
  // "Lock size across track" is on by default: the joined box takes the track's size.
  expect(message).toContain('1 already boxed (that box joined the track, at the locked size)');
  const track = (await page.evaluate(() => {
    const s = (window as any).__cuboid.store.getState();
    return s.doc.cuboids[0].trackId;
  })) as string;

  const frame1 = (await (await page.request.get(`${URL_BASE}/api/frames/000001/annotation`)).json()) as { cuboids: { id: string; trackId: string }[] };
  expect(frame1.cuboids.map((c) => [c.id, c.trackId])).toEqual([[madeHere, track]]);
  await expect(page.getByTestId('frame-000001')).toContainText('1 box');
  await page.screenshot({ path: 'test-results/propagate-join.png' });
});

test('a box made after a page reload takes a track number no saved frame uses', async ({ page }) => {
  test.setTimeout(180_000);
  const centreOf = (frame: number, track: string) => truth.frames[frame].objects.find((o) => o.trackId === track)!.center;
  const numberOf = (trackId: string): number => Number(/^t(\d+)-/.exec(trackId)![1]);
  await page.goto(`${URL_BASE}/?frame=000008`);
  await waitFrame(page, '000008');
  await page.keyboard.press('m');
  const first = await fitAt(page, centreOf(8, 'car-06'));
  const firstTrack = await trackOf(page, first);
  await page.waitForFunction(() => (window as any).__cuboid.store.getState().save.status === 'saved');
  // A new page on the next frame: frame 8 is neither open nor around it in the page's memory.
  await page.goto(`${URL_BASE}/?frame=000009`);
  await waitFrame(page, '000009');
  await page.waitForFunction(() => (window as any).__cuboid.store.getState().tracks.status === 'done');
  await page.keyboard.press('m');
  const second = await fitAt(page, centreOf(9, 'car-12'));
  const secondTrack = await trackOf(page, second);
  expect(numberOf(secondTrack)).toBeGreaterThan(numberOf(firstTrack));
});
