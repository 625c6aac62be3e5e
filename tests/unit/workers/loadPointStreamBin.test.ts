import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPointStream, type LoadEvent } from '../../../workers/loadPointStream.ts';
import { fetchCloud } from '../../../workers/fetchCloud.ts';
import { SHARED_SAMPLES, makeTempDir } from '../server/fixtures/makeDataset.ts';
import { startTestServer, type TestServer } from '../server/fixtures/testServer.ts';

const AV2 = path.join(SHARED_SAMPLES, 'multisensor/av2_adcf7d18_315973157959879000/315973157959879000_xyz_intensity_laser.f32.bin');
const SUSTECH = path.join(SHARED_SAMPLES, 'multisensor/sustechpoints_example_000975/000975_xyz_intensity_ring.f32.bin');

let server: TestServer;
let base: string;
const data = makeTempDir('cuboid-stream-bin-');

beforeAll(async () => {
  fs.copyFileSync(AV2, path.join(data, 'av2.bin'));
  fs.copyFileSync(SUSTECH, path.join(data, 'sus.pcd.bin'));
  server = await startTestServer({ dataDir: data });
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  const address = server.app.server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
});
afterAll(async () => {
  await server.close();
  fs.rmSync(data, { recursive: true, force: true });
});

describe('the point-cloud worker streams a .bin with the layout the server names', () => {
  it('parses the AV2 sweep as xyzir (detected), keeps the ring, and passes the detection notice on', async () => {
    const events: LoadEvent[] = [];
    const { summary, cloud } = await loadPointStream(`${base}/api/frames/av2/points`, 'bin', 'av2', (e) => events.push(e));
    expect(cloud.count).toBe(100_660);
    expect(summary.count).toBe(100_660);
    expect(summary.fields.map((f) => f.name)).toEqual(['x', 'y', 'z', 'intensity', 'ring']);
    expect(summary.ranges.ring).toEqual([0, 63]);
    expect(cloud.attributes.ring).toBeInstanceOf(Uint16Array);
    expect(summary.notice).toMatch(/read as xyzir by detection/);
    const header = events.find((e) => e.type === 'header');
    expect(header).toMatchObject({ totalPoints: 100_660, notice: expect.stringContaining('xyzir') });
  });

  it('reads a .pcd.bin as xyzir without a notice, and fetchCloud reads the same', async () => {
    const { summary, cloud } = await loadPointStream(`${base}/api/frames/sus/points`, 'bin', 'sus', () => undefined);
    expect(summary.count).toBe(67_153);
    expect(summary.notice).toBeNull();
    expect(summary.ranges.ring).toEqual([0, 39]);
    const whole = await fetchCloud('sus', `${base}/api/frames/sus/points`, 'bin');
    expect(whole.count).toBe(67_153);
    expect(Buffer.compare(Buffer.from(whole.positions.buffer), Buffer.from(cloud.positions.buffer, 0, cloud.positions.byteLength))).toBe(0);
  });
});
