import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { storeValue, waitForFrameLoaded, waitForViewStill, waitForEditorIdle } from './helpers.ts';

interface Box {
  id: string;
  label: string;
  source: string;
  center: [number, number, number];
  size: [number, number, number];
  yaw: number;
}

async function openFrame(page: Page, id: string): Promise<void> {
  await page.goto(`/?frame=${id}`);
  await waitForFrameLoaded(page);
  await page.waitForFunction((fid) => {
    const s = (window as any).__cuboid.store.getState();
    return s.doc?.frameId === fid;
  }, id);
}

const boxes = (page: Page) => storeValue<Box[]>(page, 'state.doc ? state.doc.cuboids : []');

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

/** Screen position of a LiDAR point in the main view (test hook). */
async function screenOf(page: Page, p: [number, number, number]): Promise<[number, number]> {
  const xy = await page.evaluate((pt) => (window as any).__cuboid.project(pt), p);
  if (!xy) throw new Error(`point ${p} is not visible in the main view`);
  return xy as [number, number];
}

test('one-click fit on a real KITTI car, set its class, and the saved label_2 line matches the ground truth', async ({ page, request }) => {
  await openFrame(page, '000002');
  const imported = await boxes(page);
  const gt = imported.find((b) => b.label === 'Car')!;
  expect(gt).toBeTruthy();

  // Remove the imported car, then fit a new one with one click from the top view.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  expect(await storeValue<string[]>(page, 'state.selectedIds')).toEqual([gt.id]);
  await page.keyboard.press('Delete');
  expect((await boxes(page)).some((b) => b.id === gt.id)).toBe(false);

  await page.keyboard.press('m');
  await page.keyboard.press('1');
  await page.keyboard.press('f');
  await expect(page.getByTestId('tool-path')).toHaveAttribute('data-tool-path', /^fit\./);
  await waitForViewStill(page, [gt.center[0], gt.center[1], gt.center[2]]);
  const [x, y] = await screenOf(page, [gt.center[0], gt.center[1], gt.center[2]]);
  await page.mouse.click(x, y);
  await page.waitForFunction(() => (window as any).__cuboid.store.getState().doc.cuboids.some((c: Box) => c.source === 'fit'));
  await page.keyboard.press('4');
  expect((await boxes(page)).find((b) => b.source === 'fit')!.label).toBe('Pedestrian');
  await page.keyboard.press('1');
  const fitted = (await boxes(page)).find((b) => b.source === 'fit')!;
  expect(fitted.label).toBe('Car');
  await expect(page.getByTestId('points-inside')).toContainText('points inside');
  await page.screenshot({ path: 'test-results/workspace-fit.png' });

  // BEV agreement with the ground truth box.
  expect(Math.hypot(fitted.center[0] - gt.center[0], fitted.center[1] - gt.center[1])).toBeLessThan(0.6);
  const yawDiff = Math.abs(Math.atan2(Math.sin(2 * (fitted.yaw - gt.yaw)), Math.cos(2 * (fitted.yaw - gt.yaw)))) / 2;
  expect(yawDiff).toBeLessThan(0.15);

  // Autosave writes label_2 with the frame's calib.
  await waitSaved(page, 2);
  const label = await (await request.get('/api/frames/000002/label')).text();
  const car = label.split('\n').find((l) => l.startsWith('Car '))!;
  expect(car).toBeTruthy();
  const f = car.split(' ').map(Number);
  // GT: Car 0.00 0 -1.67 657.39 190.13 700.07 223.39 1.41 1.58 4.36 3.18 2.27 34.38 -1.58
  expect(Math.abs(f[11] - 3.18)).toBeLessThan(0.6);
  expect(Math.abs(f[13] - 34.38)).toBeLessThan(0.6);
  expect(Math.abs(f[12] - 2.27)).toBeLessThan(0.3);
  expect(label.split('\n').filter(Boolean)).toHaveLength(2);
});

test('undo and redo walk every document change back and forth', async ({ page }) => {
  await openFrame(page, '000000');
  const before = await boxes(page);
  await page.keyboard.press('Tab');
  const id = (await storeValue<string[]>(page, 'state.selectedIds'))[0];
  await page.keyboard.press('ArrowUp'); // +0.1 m in x
  await page.keyboard.press('e'); // +1° yaw... (one step each)
  await page.keyboard.press('Control+d');
  expect(await boxes(page)).toHaveLength(before.length + 1);
  await page.keyboard.press('Control+z');
  expect(await boxes(page)).toHaveLength(before.length);
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  const restored = (await boxes(page)).find((b) => b.id === id)!;
  const original = before.find((b) => b.id === id)!;
  expect(restored.center[0]).toBeCloseTo(original.center[0], 9);
  expect(restored.yaw).toBeCloseTo(original.yaw, 9);
  await page.keyboard.press('Control+Shift+z');
  const moved = (await boxes(page)).find((b) => b.id === id)!;
  expect(moved.center[0]).toBeCloseTo(original.center[0] + 0.1, 6);
});

test('two people saving the same frame get a conflict, and choosing "keep mine" loses nothing', async ({ browser }) => {
  const a = await browser.newPage();
  const b = await browser.newPage();
  await openFrame(a, '000001');
  await openFrame(b, '000001');
  const base = await storeValue<number>(a, 'state.doc.revision');

  await a.bringToFront();
  await a.keyboard.press('Tab');
  await a.keyboard.press('ArrowUp');
  await waitSaved(a, base + 1);

  await b.bringToFront();
  await b.keyboard.press('Tab');
  await b.keyboard.press('ArrowLeft');
  await expect(b.getByTestId('conflict-dialog')).toBeVisible({ timeout: 20_000 });
  await expect(b.getByTestId('save-status')).toHaveAttribute('data-status', 'conflict');
  // Each side of the box both moved: where it is in each version.
  await expect(b.getByTestId('conflict-mine')).toHaveCount(1);
  await expect(b.getByTestId('conflict-theirs')).toContainText(/^\w+ at \(-?\d+\.\d\d, /);
  expect(await b.getByTestId('conflict-mine').textContent()).not.toBe(await b.getByTestId('conflict-theirs').textContent());
  await b.screenshot({ path: 'test-results/workspace-conflict.png' });
  await b.getByTestId('keep-mine').click();
  const rev = await waitSaved(b, base + 2);
  expect(rev).toBe(base + 2);
  await expect(b.getByTestId('conflict-dialog')).toBeHidden();
  await a.close();
  await b.close();
});

test('two people moving different boxes of the same frame are merged without a dialog', async ({ browser, request }) => {
  const a = await browser.newPage();
  const b = await browser.newPage();
  await openFrame(a, '000001');
  await openFrame(b, '000001');
  const base = await storeValue<number>(a, 'state.doc.revision');
  const before = await boxes(a);

  await a.bringToFront();
  await a.keyboard.press('Tab');
  await a.keyboard.press('ArrowUp');
  await waitSaved(a, base + 1);

  await b.bringToFront();
  await b.keyboard.press('Tab');
  await b.keyboard.press('Tab');
  await b.keyboard.press('ArrowLeft');
  const rev = await waitSaved(b, base + 2);
  expect(rev).toBe(base + 2);
  await expect(b.getByTestId('conflict-dialog')).toHaveCount(0);
  await expect(b.getByText(/touch different boxes and are merged/)).toBeVisible();
  // The server has both moves: a's first box forward, b's second box to the left.
  const saved = (await (await request.get('/api/frames/000001/annotation')).json()) as { cuboids: Box[] };
  const moved = (i: number) => saved.cuboids.find((c) => c.id === before[i].id)!;
  expect(moved(0).center[0]).toBeGreaterThan(before[0].center[0] + 0.05);
  expect(moved(1).center[1]).toBeGreaterThan(before[1].center[1] + 0.05);
  await a.close();
  await b.close();
});

test('a reload in the middle of an edit loses nothing (the journal replays it)', async ({ page }) => {
  await openFrame(page, '000000');
  await page.keyboard.press('Tab');
  const id = (await storeValue<string[]>(page, 'state.selectedIds'))[0];
  const x0 = (await boxes(page)).find((b) => b.id === id)!.center[0];
  await page.keyboard.press('Shift+ArrowUp'); // +0.5 m, then reload at once (before the 1 s autosave)
  await page.reload();
  await openFrameAfterReload(page);
  const x1 = (await boxes(page)).find((b) => b.id === id)!.center[0];
  expect(x1).toBeCloseTo(x0 + 0.5, 6);
});

async function openFrameAfterReload(page: Page): Promise<void> {
  await waitForFrameLoaded(page);
  await page.waitForFunction(() => (window as any).__cuboid.store.getState().doc !== null);
}

test('the checks worker flags a box made too small for its class, marks it, and undo clears it', async ({ page }) => {
  await openFrame(page, '000000');
  await page.waitForFunction(() => (window as any).__cuboid.store.getState().checks.status === 'done');
  const sizeErrors = "state.checks.results.filter(r => r.ruleId === 'sizeOutOfRange').length";
  // (Earlier tests in this file moved this frame's box, so other findings may already be listed.)
  expect(await storeValue<number>(page, sizeErrors)).toBe(0);
  await page.keyboard.press('Tab');
  // The pedestrian is 1.89 m tall; 13 presses of "-" take 1.3 m off.
  for (let i = 0; i < 13; i++) await page.keyboard.press('-');
  await expect(page.getByTestId('checks-error')).toBeVisible();
  // The panel titles the rule in words ("Unusual size"); the id stays on the element.
  await expect(page.getByTestId('checks-panel').locator('[data-rule="sizeOutOfRange"]').first()).toBeVisible();
  await page.screenshot({ path: 'test-results/checks-error.png' });
  for (let i = 0; i < 13; i++) await page.keyboard.press('Control+z');
  await page.waitForFunction((expr) => {
    const state = (window as any).__cuboid.store.getState();
    return state.checks.status === 'done' && new Function('state', `return ${expr}`)(state) === 0;
  }, sizeErrors);
  expect(await storeValue<number>(page, sizeErrors)).toBe(0);
});

test('handles in the close-up views resize a face, turn the yaw, and move the box; each drag is one undo step', async ({ page }) => {
  await openFrame(page, '000002');
  await page.keyboard.press('Tab');
  const id = (await storeValue<string[]>(page, 'state.selectedIds'))[0];
  const box = async () => (await boxes(page)).find((b) => b.id === id)!;
  const b0 = await box();
  await waitForViewStill(page, b0.center, ['top', 'side', 'front']);
  const at = async (local: [number, number, number], view: string) => {
    const b = await box();
    const c = Math.cos(b.yaw);
    const s = Math.sin(b.yaw);
    const p: [number, number, number] = [b.center[0] + c * local[0] - s * local[1], b.center[1] + s * local[0] + c * local[1], b.center[2] + local[2]];
    const xy = await page.evaluate(([pt, v]) => (window as any).__cuboid.project(pt, v), [p, view] as const);
    if (!xy) throw new Error(`not visible in ${view}`);
    return xy as [number, number];
  };
  const drag = async (from: [number, number], dx: number, dy: number) => {
    await page.mouse.move(from[0], from[1]);
    await page.mouse.down();
    await page.mouse.move(from[0] + dx / 2, from[1] + dy / 2, { steps: 4 });
    await page.mouse.move(from[0] + dx, from[1] + dy, { steps: 4 });
    await page.mouse.up();
    // Let the close-ups re-aim at the changed box before the next handle is located.
    await waitForViewStill(page, (await box()).center, ['top', 'side', 'front']);
  };

  // Top view: the front face handle (+x), dragged up the screen (the heading points up) → longer.
  await drag(await at([b0.size[0] / 2, 0, 0], 'top'), 0, -20);
  const b1 = await box();
  expect(b1.size[0]).toBeGreaterThan(b0.size[0] + 0.2);
  expect(b1.size[1]).toBeCloseTo(b0.size[1], 6);

  // Top view: the yaw handle in front of the box, dragged sideways → turned.
  const s = Math.max(0.12, Math.min(0.35, Math.max(...b1.size) * 0.06));
  await drag(await at([b1.size[0] / 2 + s * 4, 0, 0], 'top'), 30, 0);
  const b2 = await box();
  expect(Math.abs(b2.yaw - b1.yaw)).toBeGreaterThan(0.05);

  // Side view: the body dragged up → the box rises (z), size unchanged.
  await drag(await at([0, 0, 0], 'side'), 0, -15);
  const b3 = await box();
  expect(b3.center[2]).toBeGreaterThan(b2.center[2] + 0.05);
  expect(b3.size).toEqual(b2.size);

  // Three drags, three undo steps.
  for (let i = 0; i < 3; i++) await page.keyboard.press('Control+z');
  const back = await box();
  expect(back.size[0]).toBeCloseTo(b0.size[0], 9);
  expect(back.yaw).toBeCloseTo(b0.yaw, 9);
  expect(back.center[2]).toBeCloseTo(b0.center[2], 9);
});

test('in the main 3D view a face handle resizes the selected box and the face follows the cursor', async ({ page }) => {
  await openFrame(page, '000002');
  await page.keyboard.press('Tab');
  const id = (await storeValue<string[]>(page, 'state.selectedIds'))[0];
  const box = async () => (await boxes(page)).find((b) => b.id === id)!;
  const b0 = await box();
  await waitForViewStill(page, b0.center);
  const world = (b: Box, local: [number, number, number]): [number, number, number] => {
    const c = Math.cos(b.yaw);
    const s = Math.sin(b.yaw);
    return [b.center[0] + c * local[0] - s * local[1], b.center[1] + s * local[0] + c * local[1], b.center[2] + local[2]];
  };
  // The +y (left side) face handle, dragged 30 px outwards along the box's y axis on screen.
  const from = await screenOf(page, world(b0, [0, b0.size[1] / 2, 0]));
  const beyond = await screenOf(page, world(b0, [0, b0.size[1] / 2 + 1, 0]));
  const len = Math.hypot(beyond[0] - from[0], beyond[1] - from[1]);
  const to: [number, number] = [from[0] + ((beyond[0] - from[0]) / len) * 30, from[1] + ((beyond[1] - from[1]) / len) * 30];
  await page.mouse.move(from[0], from[1]);
  await page.mouse.down();
  await page.mouse.move((from[0] + to[0]) / 2, (from[1] + to[1]) / 2, { steps: 4 });
  await page.mouse.move(to[0], to[1], { steps: 4 });
  await page.mouse.up();
  await waitForEditorIdle(page);
  const b1 = await box();
  expect(b1.size[1]).toBeGreaterThan(b0.size[1] + 0.1);
  expect(b1.size[0]).toBeCloseTo(b0.size[0], 6);
  // The opposite face stayed; the dragged face is under the cursor where the drag ended.
  const opposite0 = world(b0, [0, -b0.size[1] / 2, 0]);
  const opposite1 = world(b1, [0, -b1.size[1] / 2, 0]);
  expect(Math.hypot(opposite1[0] - opposite0[0], opposite1[1] - opposite0[1])).toBeLessThan(1e-6);
  const face = await screenOf(page, world(b1, [0, b1.size[1] / 2, 0]));
  expect(Math.hypot(face[0] - to[0], face[1] - to[1])).toBeLessThan(4);
  await page.keyboard.press('Control+z');
  expect((await box()).size[1]).toBeCloseTo(b0.size[1], 9);
});

test('a rectangle dragged in the top view becomes a box with exactly those corners', async ({ page }) => {
  await openFrame(page, '000001');
  await page.keyboard.press('m');
  await expect.poll(() => storeValue<string>(page, 'state.view.mainMode')).toBe('top');
  await waitForViewStill(page);
  await page.keyboard.press('b');
  const n0 = (await boxes(page)).length;
  // A corner half a metre from the roof points of a vehicle at (30.5, -9.5): it must stay where it
  // was put, not snap to the nearest point under the cursor.
  const a = await screenOf(page, [30.5, -9.0, -1.7]);
  const b = await screenOf(page, [25.5, -11.0, -1.7]);
  await page.mouse.move(a[0], a[1]);
  await page.mouse.down();
  await page.mouse.move((a[0] + b[0]) / 2, (a[1] + b[1]) / 2, { steps: 4 });
  await page.mouse.move(b[0], b[1], { steps: 4 });
  await page.mouse.up();
  await page.waitForFunction((n) => (window as any).__cuboid.store.getState().doc.cuboids.length > n, n0);
  const drawn = (await boxes(page)).at(-1)!;
  // One screen pixel is about 0.1 m at this zoom: allow a little more than that.
  expect(Math.abs(drawn.size[0] - 5)).toBeLessThan(0.25);
  expect(Math.abs(drawn.size[1] - 2)).toBeLessThan(0.25);
  expect(Math.abs(drawn.center[0] - 28)).toBeLessThan(0.15);
  expect(Math.abs(drawn.center[1] + 10)).toBeLessThan(0.15);
});

test('clicking a check result brings its box or place into the middle of the main view', async ({ page }) => {
  await openFrame(page, '000001');
  await page.waitForFunction(() => (window as any).__cuboid.store.getState().checks.status === 'done');
  const main = (await page.getByTestId('view-main').boundingBox())!;
  const centre = [main.x + main.width / 2, main.y + main.height / 2];
  const missed = await storeValue<{ location: [number, number, number] }>(page, "state.checks.results.find(r => r.ruleId === 'unlabelledCluster')");
  const panel = page.getByTestId('checks-panel');
  // Groups may be folded: open them all.
  for (const fold of await panel.locator('summary').all())
    if (!(await fold.evaluate((el) => (el.parentElement as HTMLDetailsElement).open))) await fold.click();
  await panel.locator('[data-rule="unlabelledCluster"]').first().click();
  await waitForViewStill(page, missed.location);
  const at = (await page.evaluate((p) => (window as any).__cuboid.project(p), missed.location)) as [number, number];
  expect(Math.hypot(at[0] - centre[0], at[1] - centre[1])).toBeLessThan(20);
});

test('the SOP opens from a check result, and a lead adds a rule that saves as a new dictionary version', async ({ page, request }) => {
  await openFrame(page, '000000');
  await page.waitForFunction(() => (window as any).__cuboid.store.getState().checks.status === 'done');
  const v0 = await storeValue<number>(page, 'state.dictionary.version');
  await page.getByTestId('checks-panel').getByRole('button', { name: 'SOP' }).first().click();
  await expect(page.getByTestId('sop-panel')).toBeVisible();
  await expect(page.locator('.sop-entry.focused')).toHaveCount(1);
  await page.getByTestId('sop-new').click();
  await page.getByTestId('sop-edit-id').fill('e2e-shopping-trolley');
  await page.getByTestId('sop-edit-title').fill('Shopping trolley');
  await page.getByTestId('sop-edit-rule').fill('A shopping trolley on the sidewalk gets no box.');
  await page.getByTestId('sop-save').click();
  await page.waitForFunction((v) => (window as any).__cuboid.store.getState().dictionary.version === v + 1, v0);
  await expect(page.getByTestId('sop-e2e-shopping-trolley')).toBeVisible();
  const saved = (await (await request.get('/api/dictionary')).json()) as { dictionary: { version: number; edgeCases: { id: string }[] } };
  expect(saved.dictionary.version).toBe(v0 + 1);
  expect(saved.dictionary.edgeCases.some((e) => e.id === 'e2e-shopping-trolley')).toBe(true);
});

test('rules a lead saves from elsewhere (another tab, the API) reach the open page at the next frame it opens, no reload', async ({ page, request }) => {
  await openFrame(page, '000000');
  const v0 = await storeValue<number>(page, 'state.dictionary.version');
  const current = (await (await request.get('/api/dictionary')).json()) as { dictionary: { version: number; edgeCases: { id: string }[] } };
  const next = {
    ...current.dictionary,
    edgeCases: [...current.dictionary.edgeCases, { id: 'e2e-elsewhere', title: 'Saved elsewhere', rule: 'Saved through the API.' }],
  };
  const put = await request.put('/api/dictionary', { data: next });
  expect(put.status()).toBe(200);
  // The next frame opened from the list, in the same page.
  await page.getByTestId('frame-000001').click();
  await page.waitForFunction(() => (window as any).__cuboid.store.getState().doc?.frameId === '000001');
  await page.waitForFunction((v) => (window as any).__cuboid.store.getState().dictionary.version > v, v0);
  await expect(page.getByTestId('toast')).toContainText("The team's rules changed");
});
