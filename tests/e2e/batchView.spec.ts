import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Cuboid } from '../../src/domain/types.ts';
import type { FrameAnnotation } from '../../src/domain/document/FrameAnnotation.ts';

/** A server of its own on a labelled copy of the sample sequence, so the other specs' frames stay as they are. */
const PORT = 8791;
const URL_BASE = `http://127.0.0.1:${PORT}`;
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TRACK = 'car-07';
let server: ChildProcess | null = null;

const truth = JSON.parse(readFileSync(new URL('../../samples/ground_truth.json', import.meta.url), 'utf8')) as {
  frames: { frameId: string; objects: { trackId: string; center: [number, number, number] }[] }[];
};

const annotation = async (id: string): Promise<FrameAnnotation> => (await fetch(`${URL_BASE}/api/frames/${id}/annotation`)).json() as Promise<FrameAnnotation>;
const trackBox = (doc: FrameAnnotation): Cuboid | undefined => doc.cuboids.find((c) => c.trackId === TRACK);

test.beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cuboid-e2e-batch-'));
  for (const sub of ['velodyne', 'calib', 'label_2', 'poses.txt']) cpSync(join(ROOT, 'samples', sub), join(dir, sub), { recursive: true });
  server = spawn(process.execPath, ['src/cli/cuboid.js', 'serve', dir, '--port', String(PORT)], { cwd: ROOT, stdio: 'ignore' });
  let up = false;
  for (let i = 0; i < 120 && !up; i++) {
    up = await fetch(`${URL_BASE}/api/frames`).then(
      (r) => r.ok,
      () => false,
    );
    if (!up) await new Promise((r) => setTimeout(r, 500));
  }
  if (!up) throw new Error(`cuboid serve did not start on port ${PORT}`);
  // The imported labels carry no track ids: give car-07's box in every frame one (keyframes in 1 and 8).
  for (const f of truth.frames) {
    const centre = f.objects.find((o) => o.trackId === TRACK)!.center;
    const doc = await annotation(f.frameId);
    const box = doc.cuboids.find((c) => Math.hypot(c.center[0] - centre[0], c.center[1] - centre[1]) < 1)!;
    box.trackId = TRACK;
    box.attributes = { ...box.attributes, keyframe: f.frameId === '000001' || f.frameId === '000008' };
    const r = await fetch(`${URL_BASE}/api/frames/${f.frameId}/annotation`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', 'If-Match': `"${doc.revision}"` },
      body: JSON.stringify(doc),
    });
    if (!r.ok) throw new Error(`seeding ${f.frameId}: ${r.status}`);
  }
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

test('batch view of a track: eight frames side by side, a keyboard edit and a drag in another frame saved there, Esc closes', async ({ page }) => {
  test.setTimeout(120_000);
  const rev3 = (await annotation('000003')).revision;
  await page.goto(`${URL_BASE}/?frame=000004`);
  await waitFrame(page, '000004');
  await page.evaluate((track) => {
    const s = (window as any).__cuboid.store.getState();
    s.select([s.doc.cuboids.find((c: Cuboid) => c.trackId === track).id]);
  }, TRACK);
  await page.keyboard.press('Shift+B');
  const view = page.getByTestId('batch-view');
  await expect(view).toBeVisible();
  // Frames 1–8 around the open frame 4, every one loaded, its points cropped and drawn.
  await expect(view.locator('[data-testid^="batch-tile-"]')).toHaveCount(8);
  await expect(page.getByTestId('batch-tile-000001')).toHaveAttribute('data-keyframe', 'true');
  await expect(page.getByTestId('batch-tile-000004')).toHaveClass(/focused/);
  for (let f = 1; f <= 8; f++) await expect(page.getByTestId(`batch-save-00000${f}`)).toHaveText('saved');
  await expect
    .poll(() =>
      page.evaluate(() => {
        const c = document.querySelector('[data-testid="batch-top-000006"]') as HTMLCanvasElement;
        const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
        let lit = 0;
        for (let i = 0; i < d.length; i += 4) if (d[i] + d[i + 1] + d[i + 2] > 200) lit++;
        return lit;
      }),
    )
    .toBeGreaterThan(200);

  // → focuses frame 5; Ctrl+↑ twice moves its box 0.2 m along its heading, K makes it a keyframe.
  const before5 = trackBox(await annotation('000005'))!;
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('batch-tile-000005')).toHaveClass(/focused/);
  await page.keyboard.press('Control+ArrowUp');
  await page.keyboard.press('Control+ArrowUp');
  await page.keyboard.press('k');
  await expect(page.getByTestId('batch-tile-000005')).toHaveAttribute('data-keyframe', 'true');
  await expect.poll(async () => trackBox(await annotation('000005'))?.attributes.keyframe).toBe(true);
  const after5 = trackBox(await annotation('000005'))!;
  const moved = Math.hypot(after5.center[0] - before5.center[0], after5.center[1] - before5.center[1]);
  expect(moved).toBeCloseTo(0.2, 6);
  expect((after5.center[0] - before5.center[0]) * Math.cos(before5.yaw) + (after5.center[1] - before5.center[1]) * Math.sin(before5.yaw)).toBeCloseTo(0.2, 6);

  // A drag on frame 7's box in its top view moves it there (the view's right is the box's right).
  const before7 = trackBox(await annotation('000007'))!;
  const top7 = await page.getByTestId('batch-top-000007').boundingBox();
  const cx = top7!.x + top7!.width / 2;
  const cy = top7!.y + top7!.height / 2;
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  await page.mouse.move(cx + 10, cy, { steps: 4 });
  await page.mouse.move(cx + 20, cy, { steps: 4 });
  await page.mouse.up();
  await expect.poll(async () => trackBox(await annotation('000007'))!.center[1] - before7.center[1]).toBeLessThan(-0.1);
  const after7 = trackBox(await annotation('000007'))!;
  expect(after7.yaw).toBe(before7.yaw);

  // Frames not edited keep their revision.
  expect((await annotation('000003')).revision).toBe(rev3);
  await page.screenshot({ path: 'test-results/batch-view.png' });

  await page.keyboard.press('Escape');
  await expect(view).toBeHidden();
  expect(await page.evaluate(() => (window as any).__cuboid.store.getState().batch.open)).toBe(false);
});
