import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { storeValue, waitForFrameLoaded, waitForEditorIdle } from './helpers.ts';

async function openFrame(page: Page, id: string): Promise<void> {
  await page.goto(`/?frame=${id}`);
  await waitForFrameLoaded(page);
  await page.waitForFunction((fid) => (window as any).__cuboid.store.getState().doc?.frameId === fid, id);
}

const activeTestId = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName ?? null);
const yawOf = (page: Page) => storeValue<number>(page, 'state.doc.cuboids.find((c) => c.id === state.selectedIds[0]).yaw');

test('Enter and Esc in the jump field hand the keyboard back: P then opens the camera instead of typing', async ({ page }) => {
  await openFrame(page, '000000');
  const jump = page.getByTestId('frame-jump');
  await jump.click();
  await jump.fill('000002');
  await jump.press('Enter');
  await expect(page.getByTestId('frame-title')).toHaveText('Frame 000002');
  await expect.poll(() => activeTestId(page)).toBe('viewport');
  await page.keyboard.press('p');
  await expect(jump).toHaveValue('');
  await expect.poll(() => storeValue<boolean>(page, 'state.view.cameraPanel')).toBe(true);
  await page.keyboard.press('p');
  await expect.poll(() => storeValue<boolean>(page, 'state.view.cameraPanel')).toBe(false);

  // Esc: the typed text goes, and so does the keyboard.
  await jump.click();
  await page.keyboard.type('00');
  await page.keyboard.press('Escape');
  await expect(jump).toHaveValue('');
  await expect.poll(() => activeTestId(page)).toBe('viewport');
  await page.keyboard.press('a'); // 000002 is the last frame: A opens the one before
  await expect(page.getByTestId('frame-title')).toHaveText('Frame 000001');
  await expect(jump).toHaveValue('');

  // Text that named no frame goes with its message once a frame opens another way.
  await jump.fill('nope');
  await jump.press('Enter');
  await expect(page.getByText('No frame "nope"')).toBeVisible();
  await page.getByTestId('frame-000000').click();
  await expect(page.getByTestId('frame-title')).toHaveText('Frame 000000');
  await expect(jump).toHaveValue('');
  await expect(page.getByText('No frame "nope"')).toHaveCount(0);
});

test('a checkbox ticked with the mouse hands the keyboard back: D then steps, Space does not untick it', async ({ page }) => {
  await openFrame(page, '000000');
  const ground = page.getByTestId('vis-hide-ground');
  await ground.click();
  await expect.poll(() => storeValue<boolean>(page, 'state.visibility.hideGround')).toBe(true);
  await expect.poll(() => activeTestId(page)).toBe('viewport');
  await page.keyboard.press(' ');
  expect(await storeValue<boolean>(page, 'state.visibility.hideGround')).toBe(true);
  await page.keyboard.press('d');
  await expect(page.getByTestId('frame-title')).toHaveText('Frame 000001');
  // A key pressed with the focus still on a checkbox (tabbed to) runs its shortcut too.
  await ground.focus();
  await page.keyboard.press('d');
  await expect(page.getByTestId('frame-title')).toHaveText('Frame 000002');
  expect(await storeValue<boolean>(page, 'state.visibility.hideGround')).toBe(true);
});

test('after Enter or Esc in an inspector field, and after picking a class, Q rotates the box again', async ({ page }) => {
  await openFrame(page, '000001');
  await page.keyboard.press('Tab');
  await expect.poll(() => storeValue<number>(page, 'state.selectedIds.length')).toBe(1);
  const x = page.getByTestId('field-x');
  await x.click();
  await x.fill('12.5');
  await x.press('Enter');
  await expect.poll(() => storeValue<number>(page, 'state.doc.cuboids.find((c) => c.id === state.selectedIds[0]).center[0]')).toBeCloseTo(12.5, 6);
  await expect.poll(() => activeTestId(page)).toBe('viewport');
  let yaw = await yawOf(page);
  await page.keyboard.press('q');
  await expect.poll(() => yawOf(page)).not.toBeCloseTo(yaw, 6);

  // A cleared field and Enter (or Tab) is no value: the field shows the box's again, nothing changes.
  await x.click();
  await x.fill('');
  await x.press('Enter');
  await expect(x).toHaveValue('12.50');
  await x.click();
  await x.fill('');
  await x.press('Tab');
  await expect(x).toHaveValue('12.50');
  expect(await storeValue<number>(page, 'state.doc.cuboids.find((c) => c.id === state.selectedIds[0]).center[0]')).toBeCloseTo(12.5, 6);
  // A decimal comma is a decimal point (a number input read "3,5" as 35); text that is no number
  // says so and changes nothing.
  await x.click();
  await x.press('Control+a');
  await page.keyboard.type('3,5');
  await x.press('Enter');
  await expect.poll(() => storeValue<number>(page, 'state.doc.cuboids.find((c) => c.id === state.selectedIds[0]).center[0]')).toBeCloseTo(3.5, 6);
  await x.click();
  await x.press('Control+a');
  await page.keyboard.type('1.2.3');
  await x.press('Enter');
  await expect(x).toHaveValue('3.50');
  await expect(page.getByTestId('toast')).toContainText('x: what was typed is not a number');
  // Enter or Tab in a field without typing changes nothing: the field shows the value rounded,
  // and writing that back turned an imported box's yaw by a fraction of a degree (a new revision).
  const yawField = page.getByTestId('field-yaw °');
  const yawBefore = await yawOf(page);
  await yawField.click();
  await yawField.press('Enter');
  await yawField.click();
  await yawField.press('Tab');
  expect(await yawOf(page)).toBe(yawBefore);

  // Esc reverts the field and lets go.
  const y = page.getByTestId('field-y');
  const before = await y.inputValue();
  await y.click();
  await y.fill('99');
  await y.press('Escape');
  await expect(y).toHaveValue(before);
  await expect.poll(() => activeTestId(page)).toBe('viewport');
  yaw = await yawOf(page);
  await page.keyboard.press('e');
  await expect.poll(() => yawOf(page)).not.toBeCloseTo(yaw, 6);

  // A letter typed into a number field is a typo: dropped, no shortcut runs, the field keeps the
  // keyboard (D would open another frame, Q turn the box); Esc lets go and Q turns it again.
  const l = page.getByTestId('field-l');
  const length = await l.inputValue();
  await l.click();
  yaw = await yawOf(page);
  const frame = await storeValue<string>(page, 'state.doc.frameId');
  await page.keyboard.press('q');
  await page.keyboard.press('d');
  await expect(l).toBeFocused();
  await expect(l).toHaveValue(length);
  expect(await yawOf(page)).toBeCloseTo(yaw, 6);
  expect(await storeValue<string>(page, 'state.doc.frameId')).toBe(frame);
  await l.press('Escape');
  await expect.poll(() => activeTestId(page)).toBe('viewport');
  await page.keyboard.press('q');
  await expect.poll(() => yawOf(page)).not.toBeCloseTo(yaw, 6);

  // A class picked from the drop-down: the keyboard comes back; D is not a type-ahead for another option.
  await page.getByTestId('inspector-class').selectOption('Van');
  await expect.poll(() => storeValue<string>(page, 'state.doc.cuboids.find((c) => c.id === state.selectedIds[0]).label')).toBe('Van');
  await expect.poll(() => activeTestId(page)).toBe('viewport');
  yaw = await yawOf(page);
  await page.keyboard.press('q');
  await expect.poll(() => yawOf(page)).not.toBeCloseTo(yaw, 6);
  await expect(page.getByTestId('inspector-class')).toHaveValue('Van');
});

test('a toolbar button clicked with the mouse keeps no focus: Space is the fit shortcut, not a second press', async ({ page }) => {
  await openFrame(page, '000000');
  await page.getByRole('button', { name: /Top view/ }).click();
  await expect.poll(() => storeValue<string>(page, 'state.view.mainMode')).toBe('top');
  await expect.poll(() => activeTestId(page)).toBe('viewport');
  await page.keyboard.press('Space');
  await waitForEditorIdle(page);
  // Had the button kept focus, Space would have pressed it again and switched back to 3D.
  expect(await storeValue<string>(page, 'state.view.mainMode')).toBe('top');
});

test('D with a checks section header focused opens the next frame once (its re-render removed the header, and the page ran D again)', async ({ page }) => {
  await openFrame(page, '000000');
  const header = page.getByTestId('checks-panel').locator('summary').first();
  await expect(header).toBeVisible({ timeout: 30_000 });
  await header.click();
  await page.keyboard.press('d');
  await expect(page.getByTestId('frame-title')).toHaveText('Frame 000001');
  await page.waitForTimeout(1500);
  await expect(page.getByTestId('frame-title')).toHaveText('Frame 000001');
  expect(await storeValue<string>(page, 'state.currentFrameId')).toBe('000001');
});

test('limits typed the wrong way round with Enter are swapped, not collapsed, and the keyboard goes back to the view', async ({ page }) => {
  await openFrame(page, '000000');
  const min = page.getByTestId('vis-range-min');
  const max = page.getByTestId('vis-range-max');
  await min.click();
  await page.keyboard.type('30');
  await page.keyboard.press('Enter');
  await max.click();
  await page.keyboard.type('10');
  await page.keyboard.press('Enter');
  await expect.poll(() => storeValue<{ min: number; max: number }>(page, 'state.visibility.rangeCrop')).toEqual({ min: 10, max: 30 });
  await expect(min).toHaveValue('10');
  await expect(max).toHaveValue('30');
  await expect.poll(() => activeTestId(page)).toBe('viewport');
  await page.getByTestId('vis-crop').uncheck();
  await expect.poll(() => storeValue<{ min: number | null }>(page, 'state.visibility.rangeCrop')).toEqual({ min: null, max: null });
  // An end typed past one that was not typed just before moves the crop instead: the crop's
  // 40 m default, min 50, then max 80, is 50–80 (swapping made it 40–80).
  await page.getByTestId('vis-crop').check();
  await min.click();
  await page.keyboard.type('50');
  await page.keyboard.press('Enter');
  await max.click();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('80');
  await page.keyboard.press('Enter');
  await expect.poll(() => storeValue<{ min: number; max: number }>(page, 'state.visibility.rangeCrop')).toEqual({ min: 50, max: 80 });
  // Past a bound: set to it, saying so (a range starts at 0; a height of 1e9 put the knobs off screen).
  await min.click();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('-5');
  await page.keyboard.press('Enter');
  await expect.poll(() => storeValue<{ min: number; max: number }>(page, 'state.visibility.rangeCrop')).toEqual({ min: 0, max: 80 });
  await expect(page.getByText('range min: -5 m is past the lowest it takes: set to 0 m.')).toBeVisible();
  const zMax = page.getByTestId('vis-z-max');
  await zMax.click();
  await page.keyboard.type('1e9');
  await page.keyboard.press('Enter');
  await expect.poll(() => storeValue<{ max: number }>(page, 'state.visibility.heightSlice.max')).toBe(100);
  await expect(page.getByText('z max: 1.0e+9 m is past the highest it takes: set to 100 m.')).toBeVisible();
});
