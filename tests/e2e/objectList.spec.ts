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
  // A search that hides every box says which, and clears in one click (it is kept from frame to frame).
  // The list keeps its height meanwhile: the search field stays under the pointer.
  const fieldTop = async () => (await page.getByTestId('object-search').boundingBox())?.y;
  const top = await fieldTop();
  await page.keyboard.type('class:tram');
  expect(await fieldTop()).toBe(top);
  await expect(page.getByTestId('object-list-no-match')).toContainText('No box matches “class:tram”');
  await page.getByTestId('object-list-clear-search').click();
  await expect(page.getByTestId('object-search')).toHaveValue('');
  await expect(page.getByTestId(`object-row-${ids[0]}`)).toBeVisible();
  await page.getByTestId('object-search').focus();
  await page.keyboard.press('Escape');

  // Locked: a click on the box in the main view does not select it.
  const target = ids[0];
  await page.getByTestId(`lock-box-${target}`).click();
  await page.getByTestId(`object-row-${target}`).click();
  const c = await storeValue<[number, number, number]>(page, `state.doc.cuboids.find((c) => c.id === '${target}').center`);
  await waitForViewStill(page, c);
  // Its inspector refuses a typed value and shows the box's own again.
  const y = page.getByTestId('field-y');
  const before = await y.inputValue();
  await y.fill(String(Number(before) + 3));
  await y.press('Enter');
  await expect(page.getByTestId('toast')).toContainText('locked');
  await expect(y).toHaveValue(before);
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
  // A box panned under the colour legend loses its label there: no label is placed over a panel.
  const spot = await page.evaluate((id) => {
    const legend = document.querySelector('.legend')!.getBoundingClientRect();
    const label = document.querySelector(`.box-label[data-id="${id}"]`)!.getBoundingClientRect();
    const view = document.querySelector('[data-testid="view-main"]')!.getBoundingClientRect();
    return {
      dx: legend.left + legend.width / 2 - (label.left + label.width / 2),
      dy: legend.top + legend.height / 2 - (label.top + label.height / 2),
      x: view.left + view.width / 2,
      y: view.top + view.height / 2,
    };
  }, target);
  await page.mouse.move(spot.x, spot.y);
  await page.mouse.down({ button: 'right' });
  await page.mouse.move(spot.x + spot.dx, spot.y + spot.dy, { steps: 8 });
  await page.mouse.up({ button: 'right' });
  const overPanels = async () =>
    page.evaluate((id) => {
      const panels = [...document.querySelectorAll('[data-covers-view]')].map((el) => el.getBoundingClientRect());
      const shown = [...document.querySelectorAll<HTMLElement>('.box-label')].filter((el) => el.style.display !== 'none');
      const over = shown.filter((el) => {
        const l = el.getBoundingClientRect();
        return panels.some((p) => l.left < p.right && l.right > p.left && l.top < p.bottom && l.bottom > p.top);
      });
      return { panels: panels.length, shown: shown.length, over: over.length, target: shown.some((el) => el.dataset.id === id) };
    }, target);
  await expect.poll(async () => (await overPanels()).target).toBe(false);
  const after = await overPanels();
  expect(after.panels).toBeGreaterThanOrEqual(2);
  expect(after.over).toBe(0);
  await page.getByTestId(`hide-box-${target}`).click();
  await expect(page.locator(`.box-label[data-id="${target}"]:visible`)).toHaveCount(0);
  expect(await storeValue<string[]>(page, 'state.visibility.hiddenBoxIds')).toEqual([target]);

  // Esc in the view clears the selection, and the list outlines no box row any more.
  await page.getByTestId(`object-row-${ids[1]}`).click();
  await expect(page.locator('.ol-row.active')).toHaveCount(1);
  await page.getByTestId('viewport').focus();
  await page.keyboard.press('Escape');
  await expect.poll(() => storeValue<string[]>(page, 'state.selectedIds')).toEqual([]);
  await expect(page.locator('.ol-row.active')).toHaveCount(0);
  await expect(page.locator('.ol-row.selected')).toHaveCount(0);
});
