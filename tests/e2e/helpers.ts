import type { Page } from '@playwright/test';

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
