import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { stopWithParent } from '../../../src/cli/stopWithParent.ts';
import { SHARED_PCD, makeTempDir } from '../server/fixtures/makeDataset.ts';

const root = makeTempDir();
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
afterEach(() => vi.useRealTimers());

describe('stopWithParent', () => {
  it('stops once the parent of a process run by an npm script changes, and only then', () => {
    vi.useFakeTimers();
    let parent = 100;
    const stop = vi.fn();
    stopWithParent(stop, { env: { npm_lifecycle_event: 'start' }, ppid: () => parent, intervalMs: 10 });
    vi.advanceTimersByTime(50);
    expect(stop).not.toHaveBeenCalled();
    parent = 1;
    vi.advanceTimersByTime(50);
    expect(stop).toHaveBeenCalledTimes(1);
  });

  it('leaves a process run directly alone when its parent goes (nohup, a closed terminal)', () => {
    vi.useFakeTimers();
    let parent = 100;
    const stop = vi.fn();
    stopWithParent(stop, { env: {}, ppid: () => parent, intervalMs: 10 });
    parent = 1;
    vi.advanceTimersByTime(100);
    expect(stop).not.toHaveBeenCalled();
  });

  it('the server of an npm script stops when the shell that ran it is killed', async () => {
    // As `npm start` runs it: a shell that does not pass a SIGTERM on, the server its child.
    const cmd = `node src/cli/cuboid.js serve '${SHARED_PCD}' --state '${path.join(root, 'state')}' --port 0 & echo "PID $!"; wait`;
    const sh = spawn('sh', ['-c', cmd], { cwd: process.cwd(), env: { ...process.env, npm_lifecycle_event: 'start' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
      sh.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        const m = /Open (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
        if (m !== null) resolve(m[1]);
      });
      sh.on('exit', () => reject(new Error(`shell exited early: ${out}`)));
    });
    const pid = Number(/PID (\d+)/.exec(out)?.[1]);
    try {
      expect((await fetch(`${url}/api/frames`)).status).toBe(200);
      sh.kill('SIGKILL');
      // Gone once it no longer answers (a zombie left unreaped by this machine's init would still take signals).
      let answering = true;
      for (let i = 0; i < 150 && answering; i++) {
        await new Promise((r) => setTimeout(r, 100));
        answering = await fetch(`${url}/api/frames`).then(
          () => true,
          () => false,
        );
      }
      expect(answering).toBe(false);
    } finally {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
  });
});
