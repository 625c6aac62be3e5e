import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkDataset } from '../../../src/cli/checkDataset.ts';
import type { FrameCheckSummary } from '../../../src/domain/api/wireTypes.ts';
import type { Dismissal, FrameAnnotation } from '../../../src/domain/document/FrameAnnotation.ts';
import { parseKittiLabel } from '../../../src/domain/kitti/parseKittiLabel.ts';
import { SHARED_KITTI, makeTempDir } from './fixtures/makeDataset.ts';
import { startTestServer, type TestServer } from './fixtures/testServer.ts';
import { startAuthServer } from './fixtures/authServer.ts';

let server: TestServer | undefined;
const temps: string[] = [];
afterEach(async () => {
  await server?.close();
  server = undefined;
  for (const dir of temps.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A writable copy of the shared KITTI frames (the shared folder is read-only). */
function copyKitti(): string {
  const dir = makeTempDir('cuboid-dismissals-');
  temps.push(dir);
  fs.cpSync(SHARED_KITTI, dir, { recursive: true });
  const writable = (p: string): void => {
    const dirEntry = fs.statSync(p).isDirectory();
    fs.chmodSync(p, dirEntry ? 0o755 : 0o644);
    if (dirEntry) for (const name of fs.readdirSync(p)) writable(path.join(p, name));
  };
  writable(dir);
  return dir;
}

/** Missed-object findings of frame 000002 on its shipped labels (several info-level clusters ahead of the car). */
async function missedIn(dir: string, frameId: string) {
  const report = await checkDataset(dir, { frame: frameId });
  return report.frames[0].results.filter((r) => r.ruleId === 'unlabelledCluster' && r.location !== null);
}

async function put(s: TestServer, doc: FrameAnnotation, headers: Record<string, string> = {}) {
  return s.app.inject({
    method: 'PUT',
    url: `/api/frames/${doc.frameId}/annotation`,
    payload: doc,
    headers: { 'if-match': `"${doc.revision}"`, ...headers },
  });
}

describe('"not an object" dismissals on the server', () => {
  it('are saved with the frame, signed by the user, honoured by the check summary, and written as DontCare lines', async () => {
    const dir = copyKitti();
    const found = await missedIn(dir, '000002');
    expect(found.length).toBeGreaterThan(0);
    server = await startTestServer({ dataDir: dir, stateInData: true });
    const imported = (await server.app.inject('/api/frames/000002/annotation')).json() as FrameAnnotation;
    expect(imported.dismissals).toEqual([]);
    const before = (await server.app.inject('/api/frames/000002/checks')).json() as FrameCheckSummary;

    const dismissals: Dismissal[] = found.map((r, i) => ({ id: `x${i}`, location: r.location!, radius: 1.5, label: r.suggestedLabel }));
    const behind: Dismissal = { id: 'behind', location: [-20, 0, -1], radius: 1.5, label: 'Car', by: 'someone-else' };
    const res = await put(server, { ...imported, dismissals: [...dismissals, behind] }, { 'x-cuboid-user': 'ann' });
    expect(res.statusCode).toBe(200);

    // Read back whole, each mark signed by who saved it (whatever the body claimed) and dated.
    const saved = (await server.app.inject('/api/frames/000002/annotation')).json() as FrameAnnotation;
    expect(saved.revision).toBe(imported.revision + 1);
    expect(saved.dismissals.map((d) => [d.id, d.by, d.label])).toEqual([...dismissals.map((d) => [d.id, 'ann', d.label]), ['behind', 'ann', 'Car']]);
    expect(saved.dismissals.every((d) => d.at !== undefined && !Number.isNaN(Date.parse(d.at)))).toBe(true);
    expect(saved.dismissals[0].location).toEqual(found[0].location);

    // The navigator's summary drops exactly the dismissed findings.
    const after = (await server.app.inject('/api/frames/000002/checks')).json() as FrameCheckSummary;
    const severities = found.map((r) => r.severity);
    const dropped = (sev: string) => severities.filter((s) => s === sev).length;
    expect(after.revision).toBe(saved.revision);
    expect([after.error, after.warning, after.info]).toEqual([
      before.error - dropped('error'),
      before.warning - dropped('warning'),
      before.info - dropped('info'),
    ]);

    // label_2: the same boxes, the shipped DontCare lines, one more for each dismissed place in the image, none for the one behind.
    const shipped = parseKittiLabel(fs.readFileSync(path.join(SHARED_KITTI, 'label_2', '000002.txt'), 'utf8'), { fileName: 'shipped' });
    const written = parseKittiLabel(fs.readFileSync(path.join(dir, 'label_2', '000002.txt'), 'utf8'), { fileName: 'written' });
    const boxes = (objs: typeof written) => objs.filter((o) => o.type !== 'DontCare').length;
    const dontCares = (objs: typeof written) => objs.filter((o) => o.type === 'DontCare');
    expect(boxes(written)).toBe(boxes(shipped));
    const inView = found.filter((r) => r.location![0] > 3).length;
    expect(dontCares(written).length).toBe(dontCares(shipped).length + inView);
    for (const d of dontCares(written).slice(dontCares(shipped).length)) {
      expect(d.location).toEqual([-1000, -1000, -1000]);
      expect(d.bbox[2]).toBeGreaterThan(d.bbox[0]);
    }
    // A later save cannot re-sign or re-date a stored mark.
    const resave = await put(server, { ...saved, dismissals: saved.dismissals.map((d) => ({ ...d, by: 'mallory', at: '2000-01-01T00:00:00Z' })) });
    expect(resave.statusCode).toBe(200);
    const kept = (await server.app.inject('/api/frames/000002/annotation')).json() as FrameAnnotation;
    expect(kept.dismissals.map((d) => [d.by, d.at])).toEqual(saved.dismissals.map((d) => [d.by, d.at]));
    await server.close();
    server = undefined;

    // `cuboid check` reads the stored document: the dismissed findings are gone there too.
    const again = await missedIn(dir, '000002');
    expect(again.filter((r) => dismissals.some((d) => Math.hypot(d.location[0] - r.location![0], d.location[1] - r.location![1]) <= d.radius))).toEqual([]);
    expect(again.length).toBe(0);

    // Reading the written label back (no database: a fresh import) gives the boxes, and the marks only as DontCare regions.
    fs.rmSync(path.join(dir, '.cuboid'), { recursive: true, force: true });
    server = await startTestServer({ dataDir: dir });
    const reread = (await server.app.inject('/api/frames/000002/annotation')).json() as FrameAnnotation;
    expect(reread.cuboids.length).toBe(boxes(shipped));
    expect(reread.dontCare.length).toBe(dontCares(shipped).length + inView);
  });

  it('accepts a version-1 document without dismissals and stores it at the current version with none', async () => {
    server = await startTestServer();
    const { dismissals: _none, ...old } = {
      schemaVersion: 1,
      frameId: '000000',
      revision: 0,
      cuboids: [],
      dontCare: [],
      flags: [],
      dismissals: [],
      status: 'todo' as const,
    };
    const res = await server.app.inject({ method: 'PUT', url: '/api/frames/000000/annotation', payload: old, headers: { 'if-match': '"0"' } });
    expect(res.statusCode).toBe(200);
    const doc = (await server.app.inject('/api/frames/000000/annotation')).json() as FrameAnnotation;
    expect([doc.schemaVersion, doc.dismissals]).toEqual([2, []]);
    const bad = await server.app.inject({
      method: 'PUT',
      url: '/api/frames/000000/annotation',
      payload: { ...doc, dismissals: [{ id: 'x', location: [1, 2, 3], radius: -1 }] },
      headers: { 'if-match': `"${doc.revision}"` },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toContain('dismissals[0] (id "x").radius');
  });
});

describe('"not an object" dismissals and the review rules', () => {
  it('an annotator’s mark is signed with their name; a reviewer sees it but may not add or take one back', async () => {
    const s = await startAuthServer({ ann: 'annotator', rev: 'reviewer' });
    server = s;
    const mark: Dismissal = { id: 'x1', location: [15, 3, -1], radius: 1.5, label: 'Car', reason: 'hedge' };
    const start = (await s.as('ann', '/api/frames/000000/annotation')).json() as FrameAnnotation;
    const saved = await s.as('ann', {
      method: 'PUT',
      url: '/api/frames/000000/annotation',
      payload: { ...start, dismissals: [mark] },
      headers: { 'if-match': `"${start.revision}"` },
    });
    expect(saved.statusCode).toBe(200);
    const seen = (await s.as('rev', '/api/frames/000000/annotation')).json() as FrameAnnotation;
    expect(seen.dismissals.map((d) => [d.id, d.by, d.reason])).toEqual([['x1', 'ann', 'hedge']]);
    for (const dismissals of [[], [...seen.dismissals, { ...mark, id: 'x2', location: [30, 0, -1] as [number, number, number] }]]) {
      const res = await s.as('rev', {
        method: 'PUT',
        url: '/api/frames/000000/annotation',
        payload: { ...seen, dismissals },
        headers: { 'if-match': `"${seen.revision}"` },
      });
      expect(res.statusCode).toBe(403);
    }
    expect(((await s.as('rev', '/api/frames/000000/annotation')).json() as FrameAnnotation).dismissals).toHaveLength(1);
  });
});
