import { expect, test } from '@playwright/test';
import { storeValue, waitForTool, waitForViewStill } from './helpers.ts';
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { iouBev } from '../../src/domain/geometry/iou.ts';
import type { Cuboid } from '../../src/domain/types.ts';

const SEQ_URL = 'http://127.0.0.1:8799';

interface TruthObject {
  trackId: string;
  class: string;
  center: [number, number, number];
  size: [number, number, number];
  yaw: number;
}
const truth = JSON.parse(readFileSync(new URL('../../samples/ground_truth.json', import.meta.url), 'utf8')) as {
  frames: { frameId: string; objects: TruthObject[] }[];
};
const TRACK = 'car-07';
const truthBox = (frame: number) => truth.frames[frame].objects.find((o) => o.trackId === TRACK)!;

async function waitFrame(page: Page, id: string): Promise<void> {
  await page.waitForFunction((fid) => {
    const s = (window as any).__cuboid?.store.getState();
    return s && s.load.frameId === fid && s.load.status === 'done' && s.doc?.frameId === fid;
  }, id);
}

test('label a car in frame 0, propagate it 5 frames, and see the boxes projected in the camera image', async ({ page }, info) => {
  test.setTimeout(180_000);
  await page.goto(`${SEQ_URL}/?frame=000000`);
  await waitFrame(page, '000000');
  expect(await page.evaluate(() => (window as any).__cuboid.store.getState().doc.cuboids.length)).toBe(0);

  // One-click fit in the top view, on the ground-truth car's centre.
  await page.keyboard.press('m');
  await page.keyboard.press('1');
  await page.keyboard.press('f');
  await waitForTool(page, 'fit');
  await expect.poll(() => storeValue<string>(page, 'state.view.mainMode')).toBe('top');
  const gt0 = truthBox(0);
  await waitForViewStill(page, gt0.center);
  const xy = (await page.evaluate((p) => (window as any).__cuboid.project(p), gt0.center)) as [number, number];
  await page.mouse.click(xy[0], xy[1]);
  await page.waitForFunction(() => (window as any).__cuboid.store.getState().doc.cuboids.length === 1);

  // Shift+C: carry the selected box 5 frames forward, re-fitted in each.
  await page.keyboard.press('Shift+C');
  await page.waitForFunction(() => /Carried/.test((window as any).__cuboid.store.getState().ui.message?.text ?? ''), null, { timeout: 120_000 });
  const trackId = (await page.evaluate(() => (window as any).__cuboid.store.getState().doc.cuboids[0].trackId)) as string;
  expect(trackId).toBeTruthy();

  const ious: number[] = [];
  for (let f = 1; f <= 5; f++) {
    const doc = (await (await page.request.get(`${SEQ_URL}/api/frames/00000${f}/annotation`)).json()) as { cuboids: Cuboid[] };
    const box = doc.cuboids.find((c) => c.trackId === trackId);
    expect(box, `frame ${f} has the track's box`).toBeTruthy();
    ious.push(iouBev(box!, truthBox(f)));
  }
  const mean = ious.reduce((a, b) => a + b, 0) / ious.length;
  const figure = `propagated ${TRACK} BEV IoU per frame ${ious.map((v) => v.toFixed(2)).join(' ')}, mean ${mean.toFixed(3)}`;
  info.annotations.push({ type: 'figure', description: figure });
  console.log(figure);
  expect(Math.min(...ious)).toBeGreaterThan(0.5);

  // Frame 3 with its camera image: the box projected through the export's calibration.
  await page.getByTestId('frame-000003').click();
  await waitFrame(page, '000003');
  // The carried boxes of frames 2 and 4 put the track where frame 3's box is: what the track rules say of it.
  const trackFindings = await page
    .waitForFunction(() => {
      const s = (window as any).__cuboid.store.getState();
      return s.checks.frameId === '000003' && s.checks.status === 'done'
        ? s.checks.results.filter((r: { ruleId: string }) => r.ruleId === 'offTrack' || r.ruleId === 'trackGap').map((r: { message: string }) => r.message)
        : false;
    })
    .then((h) => h.jsonValue() as Promise<string[]>);
  const said = `frame 000003's track findings after the carry: ${trackFindings.length === 0 ? 'none' : trackFindings.join(' | ')}`;
  info.annotations.push({ type: 'figure', description: said });
  console.log(said);
  await page.keyboard.press('p');
  await expect(page.getByTestId('camera-panel')).toBeVisible();
  await page.waitForFunction(() => {
    const c = document.querySelector('[data-testid="camera-overlay"]') as HTMLCanvasElement | null;
    if (!c) return false;
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    for (let i = 3; i < d.length; i += 4) if (d[i] > 0) return true;
    return false;
  });
  await waitForViewStill(page);
  await page.screenshot({ path: 'test-results/sequence-camera.png' });
  await page.keyboard.press('p');

  // Following the car: with its box selected, D opens frame 4 with the car's box selected and the
  // view slid along, so the car stays where it was on screen.
  const select = await page.evaluate((t) => {
    const hook = (window as any).__cuboid;
    const box = hook.store.getState().doc.cuboids.find((c: Cuboid) => c.trackId === t);
    hook.store.getState().select([box.id]);
    return box.center as [number, number, number];
  }, trackId);
  await waitForViewStill(page, select);
  const before = (await page.evaluate((p) => (window as any).__cuboid.project(p), select)) as [number, number];
  await page.keyboard.press('d');
  await waitFrame(page, '000004');
  // The selection follows as soon as the frame has opened (a moment after its document is in).
  await page
    .waitForFunction(
      (t) => {
        const s = (window as any).__cuboid.store.getState();
        const box = s.doc?.cuboids.find((c: Cuboid) => c.trackId === t);
        return box !== undefined && s.selectedIds.includes(box.id);
      },
      trackId,
      { timeout: 5000 },
    )
    .catch(() => undefined);
  const next = await page.evaluate((t) => {
    const s = (window as any).__cuboid.store.getState();
    const box = s.doc.cuboids.find((c: Cuboid) => c.trackId === t);
    return { center: box.center as [number, number, number], selected: s.selectedIds.includes(box.id) as boolean };
  }, trackId);
  expect(next.selected).toBe(true);
  await waitForViewStill(page, next.center);
  const after = (await page.evaluate((p) => (window as any).__cuboid.project(p), next.center)) as [number, number];
  expect(Math.hypot(after[0] - before[0], after[1] - before[1])).toBeLessThan(3);
});

test('stepping through the sequence with D, every frame gets its checks, close-ups and point counts', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto(`${SEQ_URL}/?frame=000000`);
  // The status is read in the same evaluation that sees it settle: a second read could catch a
  // later re-run of the checks (a frame's checks run again when its inputs change).
  const settled = async (id: string) => {
    const handle = await page.waitForFunction(
      (fid) => {
        const s = (window as any).__cuboid?.store.getState();
        const ok =
          s?.load.frameId === fid && s.load.status === 'done' && s.checks.frameId === fid && (s.checks.status === 'done' || s.checks.status === 'error');
        return ok ? { status: s.checks.status as string, error: s.checks.error as string | null } : false;
      },
      id,
      { timeout: 60_000 },
    );
    return (await handle.jsonValue()) as { status: string; error: string | null };
  };
  const seen: string[] = [];
  for (let i = 0; i < 9; i++) {
    const id = String(i).padStart(6, '0');
    const checks = await settled(id);
    seen.push(`${id}:${checks.status}${checks.error ? ` (${checks.error})` : ''}`);
    await page.keyboard.press('d');
  }
  // Frames reached from the cache (prefetched earlier) are checked like freshly streamed ones.
  expect(seen.filter((s) => !s.endsWith(':done'))).toEqual([]);
});

test('a track boxed in frames 6 and 8 but not in 7: the checks show the gap at its place, and Box it puts the track’s box back', async ({ page }, info) => {
  test.setTimeout(120_000);
  const gap = 'car-08';
  const truthAt = (frame: number) => truth.frames[frame].objects.find((o) => o.trackId === gap)!;
  for (const frame of [6, 8]) {
    const id = `00000${frame}`;
    const current = (await (await page.request.get(`${SEQ_URL}/api/frames/${id}/annotation`)).json()) as { revision: number };
    const t = truthAt(frame);
    const cuboid = {
      id: `gap-${frame}`,
      trackId: 'T-gap',
      label: 'Car',
      center: t.center,
      size: t.size,
      yaw: t.yaw,
      attributes: { truncated: 0, occluded: 0 },
      source: 'manual',
    };
    const res = await page.request.put(`${SEQ_URL}/api/frames/${id}/annotation`, {
      data: { ...current, cuboids: [cuboid] },
      headers: { 'if-match': `"${current.revision}"` },
    });
    expect(res.status(), `save frame ${id}`).toBe(200);
  }
  await page.goto(`${SEQ_URL}/?frame=000007`);
  await waitFrame(page, '000007');
  const item = page.locator('.check-item', { has: page.locator('[data-rule="trackGap"]') });
  await expect(item).toHaveCount(1, { timeout: 60_000 });
  await expect(item.locator('.check-message')).toContainText('Track T-gap (Car) has a box in frames 000006 and 000008 but none here');
  await expect(page.locator('.check-group.check-error')).toContainText('Track gap');
  // The row frames the place: its pin and the box where the frames around put the track.
  await item.locator('.check-jump').click();
  await waitForViewStill(page, truthAt(7).center);
  await page.screenshot({ path: 'test-results/track-gap.png' });
  info.annotations.push({ type: 'figure', description: (await item.locator('.check-message').textContent()) ?? '' });

  await item.getByRole('button', { name: 'Box it' }).click();
  const placed = await page.waitForFunction(() => {
    const s = (window as any).__cuboid.store.getState();
    return s.doc.cuboids.find((c: Cuboid) => c.trackId === 'T-gap') ?? false;
  });
  const box = (await placed.jsonValue()) as Cuboid;
  expect(iouBev(box, truthAt(7))).toBeGreaterThan(0.8);
  await expect(page.locator('[data-rule="trackGap"]')).toHaveCount(0, { timeout: 30_000 });
});
