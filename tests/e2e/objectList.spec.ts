import { expect, test } from '@playwright/test';
import { storeValue, waitForEditorIdle, waitForFrameLoaded, waitForViewStill } from './helpers.ts';

type Hook = { store: { getState: () => any }; project: (p: [number, number, number], v: string) => [number, number] | null };

test('object list: click frames a box, keys move in the list, Esc gives the keyboard back; a locked box is not picked, a hidden one loses its label', async ({
  page,
}) => {
  await page.goto('/?frame=000001');
  await waitForFrameLoaded(page);
  await page.waitForFunction(() => (window as any).__cuboid.store.getState().doc?.frameId === '000001');
  const ids = await storeValue<string[]>(page, 'state.doc.cuboids.map((c) => c.id)');
  expect(ids.length).toBeGreaterThan(1);
  const framing = await storeValue<number>(page, 'state.view.frameRequest');

  // A click selects and frames.
  await page.getByTestId(`object-row-${ids[0]}`).click();
  await expect.poll(() => storeValue<string[]>(page, 'state.selectedIds')).toEqual([ids[0]]);
  expect(await storeValue<number>(page, 'state.view.frameRequest')).toBe(framing + 1);
  const center = await storeValue<number[]>(page, `state.doc.cuboids.find((c) => c.id === '${ids[0]}').center`);

  // ↓ and j move the selection in the list and never nudge the box.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('j');
  await expect.poll(() => storeValue<string>(page, 'state.selectedIds[0]')).not.toBe(ids[0]);
  expect(await storeValue<number[]>(page, `state.doc.cuboids.find((c) => c.id === '${ids[0]}').center`)).toEqual(center);
  await page.keyboard.press('Escape');
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('viewport');

  // `/` focuses the search without typing itself.
  await page.keyboard.press('/');
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('object-search');
  await expect(page.getByTestId('object-search')).toHaveValue('');
  await page.keyboard.press('Escape');

  // Locked: a click on the box in the main view does not select it.
  const target = ids[0];
  await page.getByTestId(`lock-box-${target}`).click();
  await page.getByTestId(`object-row-${target}`).click();
  const c = await storeValue<[number, number, number]>(page, `state.doc.cuboids.find((c) => c.id === '${target}').center`);
  await waitForViewStill(page, c);
  await page.evaluate(() => (window as any).__cuboid.store.getState().clearSelection());
  const at = await page.evaluate((p) => ((window as any).__cuboid as Hook).project(p, 'main'), c);
  expect(at).not.toBeNull();
  await page.mouse.click(at![0], at![1]);
  // The click's tool work (pick, select) has settled: a state wait, not a fixed sleep.
  await waitForEditorIdle(page);
  expect(await storeValue<string[]>(page, 'state.selectedIds')).not.toContain(target);
  await page.getByTestId(`lock-box-${target}`).click();
  await page.mouse.click(at![0], at![1]);
  await expect.poll(() => storeValue<string[]>(page, 'state.selectedIds')).toContain(target);

  // Hidden: its label goes.
  await expect(page.locator(`.box-label[data-id="${target}"]:visible`)).toHaveCount(1);
  await page.getByTestId(`hide-box-${target}`).click();
  await expect(page.locator(`.box-label[data-id="${target}"]:visible`)).toHaveCount(0);
  expect(await storeValue<string[]>(page, 'state.visibility.hiddenBoxIds')).toEqual([target]);
});
