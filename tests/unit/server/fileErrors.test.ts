import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { InjectOptions } from 'fastify';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DatasetFileError, fsErrorReason, toDatasetFileError } from '../../../src/server/dataset/fileError.ts';
import { toResponse } from '../../../src/server/http/errorHandler.ts';
import { startTestServer, type TestServer } from './fixtures/testServer.ts';

/** A real KITTI line (a car ahead of the camera) so that opening the frame imports it. */
const LABEL = 'Car 0.00 0 -1.58 587.01 173.33 614.12 200.12 1.65 1.67 3.64 -0.65 1.71 46.70 -1.59\n';
const F = '000001';

let server: TestServer | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  await server?.close();
  server = undefined;
});

type Kind = 'calib' | 'label' | 'points';
const fileOf: Record<Kind, string> = { calib: `calib/${F}.txt`, label: `label_2/${F}.txt`, points: `velodyne/${F}.bin` };

/** The routes that read each kind of file for a frame never opened before. */
const routesOf: Record<Kind, InjectOptions[]> = {
  calib: [
    { url: `/api/frames/${F}/calib` },
    { url: `/api/frames/${F}/annotation` },
    { url: `/api/frames/${F}/label` },
    { url: `/api/frames/${F}/checks` },
    { method: 'POST', url: `/api/frames/${F}/submit`, payload: {} },
  ],
  label: [
    { url: `/api/frames/${F}/annotation` },
    { url: `/api/frames/${F}/label` },
    { url: `/api/frames/${F}/checks` },
    { method: 'POST', url: `/api/frames/${F}/submit`, payload: {} },
  ],
  points: [{ url: `/api/frames/${F}/points` }, { url: `/api/frames/${F}/checks` }, { method: 'POST', url: `/api/frames/${F}/submit`, payload: {} }],
};

async function serverWith(kind: Kind): Promise<{ s: TestServer; file: string }> {
  const s = await startTestServer({ fixture: { labels: { [F]: LABEL }, points: 200 } });
  server = s;
  return { s, file: path.join(s.dataDir, fileOf[kind]) };
}

/** Makes `file` unreadable: chmod 000, and where that does not stop reads (root), every read of it fails with EACCES. */
function makeUnreadable(file: string): void {
  fs.chmodSync(file, 0);
  if (process.getuid?.() !== 0) return;
  const eacces = (syscall: string) =>
    Object.assign(new Error(`EACCES: permission denied, ${syscall} '${file}'`), { code: 'EACCES', errno: -13, syscall, path: file });
  const same = (p: unknown) => typeof p === 'string' && path.resolve(p) === file;
  const readFile = fsp.readFile.bind(fsp);
  const open = fsp.open.bind(fsp);
  vi.spyOn(fsp, 'readFile').mockImplementation(((p: Parameters<typeof fsp.readFile>[0], o?: Parameters<typeof fsp.readFile>[1]) =>
    same(p) ? Promise.reject(eacces('open')) : readFile(p, o)) as typeof fsp.readFile);
  vi.spyOn(fsp, 'open').mockImplementation(((p: Parameters<typeof fsp.open>[0], ...rest: [never]) =>
    same(p) ? Promise.reject(eacces('open')) : open(p, ...rest)) as typeof fsp.open);
}

describe('a deleted or unreadable dataset file is a 4xx naming the file and why, never a 500', () => {
  for (const kind of ['calib', 'label', 'points'] as Kind[]) {
    it(`${kind} file deleted: every route that reads it says it is missing`, async () => {
      const { s, file } = await serverWith(kind);
      fs.rmSync(file);
      for (const route of routesOf[kind]) {
        const res = await s.app.inject(route);
        const where = `${route.method ?? 'GET'} ${route.url}`;
        expect(res.statusCode, where).toBeGreaterThanOrEqual(400);
        expect(res.statusCode, where).toBeLessThan(500);
        expect(res.headers['content-type'], where).toMatch(/application\/json/);
        expect(res.json().detail, where).toContain(fileOf[kind]);
        expect(res.json().detail, where).toMatch(/missing/);
        expect(res.json().detail, where).not.toContain(s.dataDir);
      }
    });

    it(`${kind} file unreadable: the main-thread routes say "not readable (permission denied)", not "gone"`, async () => {
      const { s, file } = await serverWith(kind);
      makeUnreadable(file);
      // The checks and the submit gate read in worker threads (a mock cannot reach them as root): see the mapping test below.
      for (const route of routesOf[kind].filter((r) => !/checks|submit/.test(String(r.url)))) {
        const res = await s.app.inject(route);
        const where = `${route.method ?? 'GET'} ${route.url}`;
        expect([res.statusCode, res.json().error], where).toEqual([422, 'file_unreadable']);
        expect(res.json(), where).toMatchObject({ file: fileOf[kind], reason: 'not readable (permission denied)' });
        expect(res.json().detail, where).not.toMatch(/gone/);
      }
    });
  }

  it('a label file that cannot be written is reported with the save, naming it relative to the dataset', async () => {
    const s = await startTestServer({ stateInData: true });
    server = s;
    fs.mkdirSync(path.join(s.dataDir, 'label_2', '000002.txt')); // a folder where the label file goes
    const put = await s.app.inject({
      method: 'PUT',
      url: '/api/frames/000002/annotation',
      payload: { ...((await s.app.inject('/api/frames/000002/annotation')).json() as object), cuboids: [] },
      headers: { 'if-match': '"0"' },
    });
    expect(put.statusCode).toBe(200);
    expect(put.json().labelWritten).toBe(false);
    expect(put.json().labelError).toMatch(/^cannot write label_2\/\S+ \(E[A-Z]+\)$/);
    expect(put.body).not.toContain(s.dataDir);
  });

  it('maps errno codes to words and names the file relative to the dataset (also after a thread hop, from the message)', () => {
    const root = '/data/kitti';
    const err = Object.assign(new Error("EACCES: permission denied, open '/data/kitti/calib/000001.txt'"), {
      code: 'EACCES',
      path: '/data/kitti/calib/000001.txt',
    });
    expect(toDatasetFileError(err, root)).toMatchObject({ code: 'file_unreadable', file: 'calib/000001.txt', reason: 'not readable (permission denied)' });
    const hopped = new Error("ENOENT: no such file or directory, open '/data/kitti/velodyne/000001.bin'");
    expect(toDatasetFileError(hopped, root)).toMatchObject({ code: 'file_missing', file: 'velodyne/000001.bin' });
    expect(toDatasetFileError(new Error('something else'), root)).toBeNull();
    expect(fsErrorReason('EISDIR')).toBe('a folder, not a file');
    // The error handler: a file error under the dataset is 422; one elsewhere (the server's own state) stays a 500.
    expect(toResponse(err, root)).toEqual([
      422,
      {
        error: 'file_unreadable',
        detail: 'calib/000001.txt: not readable (permission denied)',
        file: 'calib/000001.txt',
        reason: 'not readable (permission denied)',
      },
    ]);
    expect(toResponse(hopped, root)[0]).toBe(422);
    const elsewhere = Object.assign(new Error("EACCES: permission denied, open '/var/state/cuboid.db'"), { code: 'EACCES', path: '/var/state/cuboid.db' });
    expect(toResponse(elsewhere, root)[0]).toBe(500);
    // A full disk is no server fault to hide: 507 saying nothing was stored (the client retries).
    const full = Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
    expect(toResponse(full, root)).toEqual([507, { error: 'disk_full', detail: expect.stringMatching(/no space left \(the database\): nothing was stored/) }]);
    const enospc = Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC', path: '/var/state/label_2/000001.txt' });
    expect(toResponse(enospc, root)[1].detail).toContain('/var/state/label_2/000001.txt');
    // A DatasetFileError that crossed a worker as a plain error with its fields keeps its answer.
    const plain = Object.assign(new Error('label_2/000001.txt: not readable (permission denied)'), {
      name: 'DatasetFileError',
      code: 'file_unreadable',
      file: 'label_2/000001.txt',
      reason: 'not readable (permission denied)',
    });
    expect(toResponse(plain, root)[1]).toMatchObject({ error: 'file_unreadable', file: 'label_2/000001.txt' });
    expect(new DatasetFileError('file_missing', 'a.txt', 'missing').message).toBe('a.txt: missing');
  });
});
