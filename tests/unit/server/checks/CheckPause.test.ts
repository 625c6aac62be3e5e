/**
 * `CheckPause`: a check thread blocked at a step while the pause is held goes on when the last
 * holder lets go, or once its budget is spent; releasing twice counts once.
 */
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { CheckPause } from '../../../../src/server/checks/CheckPause.ts';

const MODULE = fileURLToPath(new URL('../../../../src/server/checks/CheckPause.ts', import.meta.url));

/** A thread that steps once through `pauseWhileHeld` and says when it is about to and when it is through. */
function stepper(buffer: SharedArrayBuffer, budgetMs: number): { worker: Worker; ready: Promise<void>; through: Promise<void>; isThrough: () => boolean } {
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    (async () => {
      const { register } = await import('tsx/esm/api');
      register();
      const { pauseWhileHeld } = await import(${JSON.stringify(MODULE)});
      const step = pauseWhileHeld(workerData.buffer, workerData.budgetMs);
      parentPort.postMessage('ready');
      step();
      parentPort.postMessage('through');
    })();
  `;
  const worker = new Worker(code, { eval: true, workerData: { buffer, budgetMs } });
  let done = false;
  const seen = (what: string) => new Promise<void>((resolve) => worker.on('message', (m) => m === what && resolve()));
  const through = seen('through').then(() => {
    done = true;
  });
  return { worker, ready: seen('ready'), through, isThrough: () => done };
}

const workers: Worker[] = [];
afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.terminate()));
});

describe('CheckPause', () => {
  it('holds a check at its next step until the last holder lets go', async () => {
    const pause = new CheckPause();
    const first = pause.hold();
    const second = pause.hold();
    const s = stepper(pause.buffer, 60_000);
    workers.push(s.worker);
    await s.ready;
    await new Promise((r) => setTimeout(r, 300));
    expect(s.isThrough()).toBe(false);
    first();
    first();
    // One holder is left: still paused.
    await new Promise((r) => setTimeout(r, 300));
    expect(pause.held).toBe(true);
    expect(s.isThrough()).toBe(false);
    second();
    await s.through;
    expect(pause.held).toBe(false);
  });

  it('lets a check go on once its budget is spent, held or not', async () => {
    const pause = new CheckPause();
    pause.hold();
    const s = stepper(pause.buffer, 150);
    workers.push(s.worker);
    await s.through;
    expect(pause.held).toBe(true);
  });

  it('does not stop a check when nobody holds it', async () => {
    const s = stepper(new CheckPause().buffer, 60_000);
    workers.push(s.worker);
    await s.through;
    expect(s.isThrough()).toBe(true);
  });
});
