import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { storeValue, waitForFrameLoaded, waitForViewStill } from './helpers.ts';

type Place = [number, number, number];

async function openFrame(page: Page, id: string): Promise<void> {
  await page.goto(`/?frame=${id}`);
  await waitForFrameLoaded(page);
  await page.waitForFunction((fid) => (window as any).__cuboid.store.getState().doc?.frameId === fid, id);
  await page.waitForFunction(() => (window as any).__cuboid.store.getState().checks.status === 'done', null, { timeout: 60_000 });
}

async function waitSaved(page: Page, minRevision: number): Promise<number> {
  await page.waitForFunction(
    (rev) => {
      const s = (window as any).__cuboid.store.getState();
      return s.save.status === 'saved' && (s.save.lastSavedRevision ?? 0) >= rev;
    },
    minRevision,
    { timeout: 20_000 },
  );
  return storeValue<number>(page, 'state.save.lastSavedRevision');
}

/** Places of the missed-object findings the checks worker reports (before any filtering by the page). */
const missedPlaces = (page: Page) =>
  storeValue<Place[]>(page, "state.checks.results.filter(r => r.ruleId === 'unlabelledCluster' && r.location && !r.cuboidId).map(r => r.location)");

const near = (a: Place, b: Place) => Math.hypot(a[0] - b[0], a[1] - b[1]) < 0.5;

test('"not an object": N boxes a missed object, X dismisses it, and it stays gone after a reload', async ({ page, request }, info) => {
  await openFrame(page, '000002');
  const before = await missedPlaces(page);
  expect(before.length).toBeGreaterThan(0);
  const boxesBefore = await storeValue<number>(page, 'state.doc.cuboids.length');
  const revision = await storeValue<number>(page, 'state.doc.revision');

  // N boxes the next missed object; its notice offers "Not an object".
  await page.keyboard.press('n');
  await page.waitForFunction((n) => (window as any).__cuboid.store.getState().doc.cuboids.length === n + 1, boxesBefore);
  await expect(page.getByTestId('toast-action')).toHaveText('Not an object');
  const place = (await storeValue<{ location: Place }>(page, 'state.focusedFinding')).location;

  // X: the box goes, the place is marked, the finding leaves the panel and the checks.
  await page.keyboard.press('x');
  await page.waitForFunction(() => (window as any).__cuboid.store.getState().doc.dismissals.length === 1);
  expect(await storeValue<number>(page, 'state.doc.cuboids.length')).toBe(boxesBefore);
  const dismissal = await storeValue<{ location: Place; radius: number; label?: string }>(page, 'state.doc.dismissals[0]');
  expect(near(dismissal.location, place)).toBe(true);
  expect(dismissal.radius).toBeGreaterThanOrEqual(0.5);
  await page.waitForFunction((p) => {
    const s = (window as any).__cuboid.store.getState();
    return (
      s.checks.status === 'done' &&
      !s.checks.results.some((r: any) => r.ruleId === 'unlabelledCluster' && r.location && Math.hypot(r.location[0] - p[0], r.location[1] - p[1]) < 0.5)
    );
  }, place);
  const panel = page.getByTestId('checks-panel');
  await expect(panel.getByTestId('dismissal-item')).toHaveCount(1);
  await expect(panel.getByTestId('dismissal-item')).toContainText('Not an object');
  await expect(panel.getByTestId('dismissal-item')).toContainText(dismissal.label !== undefined ? `(${dismissal.label}?)` : 'dismissed');
  await waitSaved(page, revision + 1);

  // A look at the mark: the place framed in the main view, a grey crossed pin on it.
  await page.evaluate((p) => (window as any).__cuboid.store.getState().requestFraming(p), dismissal.location);
  await waitForViewStill(page, dismissal.location);
  await page.getByTestId('view-main').screenshot({ path: info.outputPath('dismissal-marker.png') });

  // Reload: the mark came back from the server, signed, and the finding stays gone.
  await openFrame(page, '000002');
  const reloaded = await storeValue<{ by?: string }[]>(page, 'state.doc.dismissals');
  expect(reloaded).toHaveLength(1);
  expect(reloaded[0].by).toBeTruthy();
  const after = await missedPlaces(page);
  expect(after.some((p) => near(p, place))).toBe(false);
  expect(after.length).toBe(before.length - 1);
  await expect(page.getByTestId('dismissal-item')).toContainText('dismissed by you');
  // N now skips it: it boxes another place (or says there is none).
  const cleared = await storeValue<number>(page, 'state.save.lastSavedRevision');

  // The mark can be taken back from the panel; the finding returns (this also leaves the frame as other tests expect it).
  await page.getByTestId('dismissal-undo').click();
  await page.waitForFunction(() => (window as any).__cuboid.store.getState().doc.dismissals.length === 0);
  await waitSaved(page, cleared + 1);
  await page.waitForFunction((p) => {
    const s = (window as any).__cuboid.store.getState();
    return (
      s.checks.status === 'done' &&
      s.checks.results.some((r: any) => r.ruleId === 'unlabelledCluster' && r.location && Math.hypot(r.location[0] - p[0], r.location[1] - p[1]) < 0.5)
    );
  }, place);

  // The pin itself: a click focuses its finding, and its card's "Not an object" dismisses it.
  await page.evaluate((p) => (window as any).__cuboid.store.getState().requestFraming(p), place);
  await waitForViewStill(page, place);
  // Pins keep their size on screen, so their head moves with the zoom: click the pin's foot (on its axis, inside its hit column).
  const [px, py] = (await page.evaluate((p) => (window as any).__cuboid.project([p[0], p[1], p[2]]), place)) as [number, number];
  await page.mouse.click(px, py);
  await expect(page.getByTestId('finding-card')).toBeVisible();
  await page.getByTestId('finding-card').screenshot({ path: info.outputPath('finding-card.png') });
  await page.getByTestId('finding-dismiss').click();
  await page.waitForFunction(() => (window as any).__cuboid.store.getState().doc.dismissals.length === 1);
  await expect(page.getByTestId('finding-card')).toHaveCount(0);
  // Ctrl+Z takes it back (one undo step), and the frame is saved as it was.
  await page.keyboard.press('Control+z');
  await page.waitForFunction(() => (window as any).__cuboid.store.getState().doc.dismissals.length === 0);
  await page.waitForFunction(() => (window as any).__cuboid.store.getState().save.status === 'saved', null, { timeout: 20_000 });
  const stored = await (await request.get('/api/frames/000002/annotation')).json();
  expect(stored.dismissals).toEqual([]);
});
