import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExpectedTrackBox } from '../../../../src/domain/checks/CheckContext.ts';
import type { CheckResult } from '../../../../src/domain/checks/CheckResult.ts';
import type { FrameAnnotation } from '../../../../src/domain/document/FrameAnnotation.ts';
import type { Cuboid } from '../../../../src/domain/types.ts';
import { sampleSequence } from '../../domain/checks/sampleDataset.ts';
import { startTestServer, type TestServer } from '../fixtures/testServer.ts';

/** The project's bundled 10-frame sequence (read only: the server's state goes to a temporary folder). */
const SAMPLES = path.resolve(process.cwd(), 'samples');

let server: TestServer;
const truth = new Map(sampleSequence().map((f) => [f.frameId, f.cuboids]));
/** Frame `id`'s ground-truth boxes with their track ids, less the tracks in `without`. */
const boxes = (id: string, without: string[] = []): Cuboid[] => (truth.get(id) ?? []).filter((c) => !without.includes(c.trackId ?? ''));

async function save(id: string, cuboids: Cuboid[]): Promise<void> {
  const current = (await server.app.inject(`/api/frames/${id}/annotation`)).json() as FrameAnnotation;
  const res = await server.app.inject({
    method: 'PUT',
    url: `/api/frames/${id}/annotation`,
    payload: { ...current, cuboids },
    headers: { 'if-match': `"${current.revision}"` },
  });
  expect(res.statusCode).toBe(200);
}

beforeAll(async () => {
  server = await startTestServer({ dataDir: SAMPLES });
  await save('000003', boxes('000003'));
  await save('000004', boxes('000004', ['car-06']));
  await save('000005', boxes('000005'));
});
afterAll(async () => server?.close());

describe('track gaps on the server', () => {
  it('GET /api/frames/:id/expected-tracks bridges every track boxed either side through the ego poses', async () => {
    const res = await server.app.inject('/api/frames/000004/expected-tracks');
    expect(res.statusCode).toBe(200);
    const { frameId, expectedTracks } = res.json() as { frameId: string; expectedTracks: ExpectedTrackBox[] };
    expect(frameId).toBe('000004');
    const car = expectedTracks.find((e) => e.trackId === 'car-06')!;
    expect([car.label, car.before, car.after]).toEqual(['Car', '000003', '000005']);
    const gone = truth.get('000004')!.find((c) => c.trackId === 'car-06')!;
    expect(Math.hypot(car.box.center[0] - gone.center[0], car.box.center[1] - gone.center[1])).toBeLessThan(0.3);
    // Every track of both neighbours is bridged, boxed here or not (the page's checks skip those it holds).
    expect(expectedTracks.length).toBeGreaterThan(5);
    // Frame 000003 has no tracked boxes before it (the label_2 files carry no track ids).
    expect((await server.app.inject('/api/frames/000003/expected-tracks')).json().expectedTracks).toEqual([]);
    expect((await server.app.inject('/api/frames/nope/expected-tracks')).statusCode).toBe(404);
  });

  it('refuses to submit the frame with the track’s box missing: an error where the car still shows', async () => {
    const refused = await server.app.inject({ method: 'POST', url: '/api/frames/000004/submit', payload: {} });
    expect(refused.statusCode).toBe(422);
    const gaps = (refused.json().errors as CheckResult[]).filter((e) => e.ruleId === 'trackGap');
    expect(gaps).toHaveLength(1);
    expect(gaps[0].message).toMatch(
      /^Missed box\? Track car-06 \(Car\) has a box in frames 000003 and 000005 but none here; \d+ returns lie where it would be/,
    );
    expect(gaps[0].track?.trackId).toBe('car-06');
  });

  it('refuses a box moved 1.2 m off its track, naming the frames around, and lets it through back in place', async () => {
    const moved = boxes('000004').map((c) =>
      c.trackId === 'car-06' ? { ...c, center: [c.center[0], c.center[1] + 1.2, c.center[2]] as Cuboid['center'] } : c,
    );
    await save('000004', moved);
    const refused = await server.app.inject({ method: 'POST', url: '/api/frames/000004/submit', payload: {} });
    expect(refused.statusCode).toBe(422);
    const off = (refused.json().errors as CheckResult[]).filter((e) => e.ruleId === 'offTrack');
    expect(off.map((e) => e.cuboidId)).toEqual([moved.find((c) => c.trackId === 'car-06')!.id]);
    expect(off[0].message).toMatch(/^Car box of Track car-06 disagrees with frames 000003 and 000005: 1\.2 m off where they put it/);
    await save('000004', boxes('000004', ['car-06']));
  });

  it('counts the gap in the frame list’s check summary', async () => {
    const res = await server.app.inject('/api/frames/000004/checks');
    expect(res.statusCode).toBe(200);
    expect(res.json().error).toBeGreaterThanOrEqual(1);
    await save('000004', boxes('000004'));
    const after = (await server.app.inject({ method: 'POST', url: '/api/frames/000004/submit', payload: {} })).json() as { errors?: CheckResult[] };
    expect((after.errors ?? []).filter((e) => e.ruleId === 'trackGap')).toEqual([]);
  });

  it('checks a frame again when a track is saved in the frames around it, though the frame itself did not change', async () => {
    await save('000007', boxes('000007', ['car-08']));
    const first = (await server.app.inject('/api/frames/000007/checks')).json() as { error: number; revision: number; tracks?: string };
    expect(first.tracks).toBeUndefined();
    // Frames 6 and 8 get a track that frame 7 lacks.
    await save(
      '000006',
      boxes('000006').filter((c) => c.trackId === 'car-08'),
    );
    await save(
      '000008',
      boxes('000008').filter((c) => c.trackId === 'car-08'),
    );
    const list = (await server.app.inject('/api/frames')).json() as { id: string; checks?: unknown }[];
    // The frame list does not vouch for a summary whose tracks around may have moved.
    expect(list.find((f) => f.id === '000007')?.checks).toBeUndefined();
    const after = (await server.app.inject('/api/frames/000007/checks')).json() as { error: number; revision: number; tracks?: string };
    expect(after.revision).toBe(first.revision);
    expect(after.tracks).toMatch(/^[0-9a-f]{8}$/);
    // Checked again with the track around: the unboxed car is now one error as the track's gap, not as a missed object.
    expect(after.error).toBe(first.error);
    const submit = (await server.app.inject({ method: 'POST', url: '/api/frames/000007/submit', payload: {} })).json() as { errors: CheckResult[] };
    expect(submit.errors.filter((e) => e.ruleId === 'trackGap').map((e) => e.track?.trackId)).toEqual(['car-08']);
    // Asked again with nothing changed: the same summary.
    expect((await server.app.inject('/api/frames/000007/checks')).json()).toEqual(after);
  });
});
