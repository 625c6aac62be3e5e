import { expect, test } from '@playwright/test';
import { storeValue, waitForFrameLoaded } from './helpers.ts';

/** The folder run's server: no other spec there flags, submits or counts flags. */
test('a reviewer flags a missed object by pointing at it (Shift+F), and the flag’s place is a link back to it', async ({ page }) => {
  await page.goto('/?frame=000000');
  await waitForFrameLoaded(page);
  await expect(page.getByTestId('flag-form')).toBeVisible();
  const canvas = page.getByTestId('viewport');
  const box = (await canvas.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.4, box.y + box.height * 0.6);
  await page.mouse.move(box.x + box.width * 0.45, box.y + box.height * 0.62);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Shift+F');
  // The form took the place under the cursor.
  await expect(page.getByTestId('flag-location-x')).not.toHaveValue('');
  const typed = await Promise.all(['x', 'y', 'z'].map((a) => page.getByTestId(`flag-location-${a}`).inputValue()));
  expect(typed.every((v) => Number.isFinite(Number(v)))).toBe(true);
  await page.getByTestId('flag-reason').selectOption('every-object-boxed');
  await page.getByTestId('flag-comment').fill('a person by the kerb');
  await page.getByTestId('flag-add').click();
  const item = page.getByTestId('flag-item').filter({ hasText: 'a person by the kerb' });
  await expect(item).toContainText(`missed object at ${typed.map((v) => Number(v).toFixed(1)).join(', ')} m`);
  await page.screenshot({ path: 'test-results/flag-at-cursor.png' });
  // Its place frames the view there.
  const before = await storeValue<number>(page, 'state.view.frameRequest');
  await item.getByTestId('flag-place').click();
  await expect.poll(() => storeValue<number>(page, 'state.view.frameRequest')).toBe(before + 1);
  expect(await storeValue<number[]>(page, 'state.view.frameTarget')).toEqual(typed.map(Number));
});
