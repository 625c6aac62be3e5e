import { expect, test } from '@playwright/test';
import { waitForFrameLoaded } from './helpers.ts';

test('the toolbar fits at 1280 px with a long save error: the frame id stays whole and ? stays on screen', async ({ page }) => {
  await page.goto('/?frame=000001');
  await waitForFrameLoaded(page);
  await page.waitForFunction(() => (window as any).__cuboid.store.getState().doc?.frameId === '000001');
  // A refused save whose reason runs long (the server's detail, as the autosave stores it).
  await page.evaluate(() => {
    const store = (window as any).__cuboid.store;
    const detail =
      'cuboids[30] (id "car-3f2a9c1b").label: DontCare is not a box class: KITTI readers drop DontCare lines as regions to ignore; pick a class (e.g. Misc)';
    store.setState({ save: { ...store.getState().save, status: 'error', error: { kind: 'refused', status: 400, error: 'invalid_body', detail } } });
  });
  await expect(page.getByTestId('save-reason')).toBeVisible();
  const layout = await page.evaluate(() => {
    const title = document.querySelector<HTMLElement>('[data-testid="frame-title"]')!;
    const help = [...document.querySelectorAll<HTMLElement>('.toolbar button')].find((b) => b.textContent?.trim() === '?')!;
    const save = document.querySelector<HTMLElement>('[data-testid="save-status"]')!;
    return {
      titleWhole: title.scrollWidth <= title.clientWidth + 1,
      helpRight: help.getBoundingClientRect().right,
      width: window.innerWidth,
      saveTruncated: save.scrollWidth > save.clientWidth,
      saveTooltip: save.title,
    };
  });
  expect(layout.titleWhole).toBe(true);
  expect(layout.helpRight).toBeLessThanOrEqual(layout.width);
  // The long reason gives way (cut with an ellipsis), whole in its tooltip.
  expect(layout.saveTruncated).toBe(true);
  expect(layout.saveTooltip).toContain('car-3f2a9c1b');
});

test('at 1000 × 700 the toolbar wraps onto a second row: the save status, Metrics and ? stay whole on screen', async ({ page }) => {
  await page.setViewportSize({ width: 1000, height: 700 });
  await page.goto('/?frame=000001');
  await waitForFrameLoaded(page);
  const layout = await page.evaluate(() => {
    const buttons = [...document.querySelectorAll<HTMLElement>('.toolbar button')];
    const right = (text: string): number => buttons.find((b) => b.textContent?.trim() === text)!.getBoundingClientRect().right;
    const save = document.querySelector<HTMLElement>('[data-testid="save-status"]')!;
    const toolbar = document.querySelector<HTMLElement>('.toolbar')!;
    return {
      help: right('?'),
      metrics: right('Metrics'),
      saveWhole: save.scrollWidth <= save.clientWidth + 1,
      scrolls: toolbar.scrollWidth > toolbar.clientWidth + 1,
      rows: toolbar.getBoundingClientRect().height,
    };
  });
  expect(layout.help).toBeLessThanOrEqual(1000);
  expect(layout.metrics).toBeLessThanOrEqual(1000);
  expect(layout.saveWhole).toBe(true);
  expect(layout.scrolls).toBe(false);
  expect(layout.rows).toBeGreaterThan(50);
});
