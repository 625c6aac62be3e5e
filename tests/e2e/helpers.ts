import { expect, type Page } from '@playwright/test';

/** Reads a value from the app store through the test-only hook (`vite build --mode e2e`). */
export async function storeValue<T>(page: Page, read: string): Promise<T> {
  return page.evaluate((expr) => {
    const hook = (window as unknown as { __cuboid?: { store: { getState: () => unknown } } }).__cuboid;
    if (!hook) throw new Error('test hook missing: build with --mode e2e');
    return new Function('state', `return (${expr});`)(hook.store.getState()) as T;
  }, read);
}

/** Waits until the current frame has fully loaded (or failed). */
export async function waitForFrameLoaded(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const hook = (window as unknown as { __cuboid?: { store: { getState: () => { load: { status: string } } } } }).__cuboid;
    const status = hook?.store.getState().load.status;
    return status === 'done' || status === 'error';
  });
}

/** Counts pixels of a PNG screenshot region that differ from the background colour. */
export async function countNonBackgroundPixels(page: Page, selector: string): Promise<number> {
  return page.evaluate(async (sel) => {
    const canvas = document.querySelector(sel) as HTMLCanvasElement | null;
    if (!canvas) throw new Error(`no canvas ${sel}`);
    const copy = document.createElement('canvas');
    copy.width = canvas.width;
    copy.height = canvas.height;
    const ctx = copy.getContext('2d')!;
    ctx.drawImage(canvas, 0, 0);
    const data = ctx.getImageData(0, 0, copy.width, copy.height).data;
    const [br, bg, bb] = [data[0], data[1], data[2]];
    let n = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (Math.abs(data[i] - br) + Math.abs(data[i + 1] - bg) + Math.abs(data[i + 2] - bb) > 40) n++;
    }
    return n;
  }, selector);
}

type Point3 = readonly [number, number, number];

/**
 * Waits until the views' cameras are at rest and have drawn: `point` (LiDAR frame, metres; default
 * the sensor origin) projects to the same pixel in each of `views` across two animation frames in a
 * row. Use it after anything that moves a camera (framing, zoom, a view switch, a re-aimed close-up)
 * instead of a fixed sleep.
 */
export async function waitForViewStill(page: Page, point: Point3 = [0, 0, 0], views: readonly string[] = ['main']): Promise<void> {
  await expect
    .poll(
      () =>
        page.evaluate(
          async ([p, vs]) => {
            const hook = (window as unknown as { __cuboid: { project: (p: Point3, v: string) => [number, number] | null } }).__cuboid;
            const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
            const read = () => vs.map((v) => hook.project(p, v));
            const a = read();
            await frame();
            await frame();
            const b = read();
            return a.every((xy, i) => xy !== null && b[i] !== null && Math.abs(xy[0] - b[i]![0]) < 0.5 && Math.abs(xy[1] - b[i]![1]) < 0.5);
          },
          [point, views] as const,
        ),
      { intervals: [50, 100, 200] },
    )
    .toBe(true);
}

/** Waits for the editor's async work (fits, refits, commands run through the action registry) to finish. */
export async function waitForEditorIdle(page: Page): Promise<void> {
  await page.evaluate(() => (window as unknown as { __cuboid: { editor: { tools: { settle: () => Promise<void> } } } }).__cuboid.editor.tools.settle());
}

/** Waits until the active tool's state path starts with `prefix` (e.g. `fit`). */
export async function waitForTool(page: Page, prefix: string): Promise<void> {
  await page.waitForFunction((p) => {
    const hook = (window as unknown as { __cuboid?: { store: { getState: () => { tool: { path: string } } } } }).__cuboid;
    return hook?.store.getState().tool.path.startsWith(p) === true;
  }, prefix);
}
