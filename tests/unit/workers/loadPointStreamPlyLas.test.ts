import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPointStream, type LoadEvent } from '../../../workers/loadPointStream.ts';
import { fetchCloud } from '../../../workers/fetchCloud.ts';
import { makeTempDir } from '../server/fixtures/makeDataset.ts';
import { startTestServer, type TestServer } from '../server/fixtures/testServer.ts';
import { makeLas } from '../../helpers/makeLas.ts';
import { makePly, type PlyTestType } from '../../helpers/makePly.ts';

let server: TestServer;
let base: string;
const data = makeTempDir('cuboid-stream-ply-las-');
const N = 70_000;

beforeAll(async () => {
  const records = Array.from({ length: N }, (_, i) => [i * 0.001, -i * 0.002, (i % 50) * 0.1, i % 256, 255, 0, 128]);
  fs.writeFileSync(
    path.join(data, 'a.ply'),
    makePly('binary_big_endian', [
      {
        name: 'vertex',
        properties: [
          ...['x', 'y', 'z'].map((name) => ({ name, type: 'float' as PlyTestType })),
          ...['intensity', 'red', 'green', 'blue'].map((name) => ({ name, type: 'uchar' as PlyTestType })),
        ],
        records,
      },
    ]),
  );
  fs.writeFileSync(
    path.join(data, 'b.las'),
    makeLas(
      [
        { x: 1, y: 2, z: 3, intensity: 7, classification: 2, gpsTime: 5 },
        { x: Number.NaN, y: 0, z: 0 },
      ].slice(0, 1),
      { format: 1 },
    ),
  );
  server = await startTestServer({ dataDir: data });
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  const address = server.app.server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
});
afterAll(async () => {
  await server.close();
  fs.rmSync(data, { recursive: true, force: true });
});

describe('the point-cloud worker reads PLY and LAS files', () => {
  it('parses a PLY once complete and hands out every point in batches, with its fields and colours', async () => {
    const events: LoadEvent[] = [];
    const { summary, cloud } = await loadPointStream(`${base}/api/frames/a/points`, 'ply', 'a', (e) => events.push(e));
    expect(cloud.count).toBe(N);
    expect(summary.renderCount).toBe(N);
    expect(summary.fields.map((f) => f.name)).toEqual(['x', 'y', 'z', 'intensity', 'red', 'green', 'blue', 'rgb']);
    const batches = events.filter((e) => e.type === 'batch');
    expect(batches.map((b) => (b.type === 'batch' ? b.batch.count : 0))).toEqual([65536, N - 65536]);
    expect(summary.batches).toBe(2);
    const first = batches[0].type === 'batch' ? batches[0].batch : null;
    expect([...(first?.colors?.subarray(0, 3) ?? [])]).toEqual([255, 0, 128]);
    expect(cloud.attributes.intensity).toBeInstanceOf(Uint8Array);
    expect(cloud.attributes.intensity[255]).toBe(255);
    expect(summary.ranges.intensity).toBeDefined();
    expect(events[0]).toMatchObject({ type: 'header', totalPoints: N });
    const whole = await fetchCloud('a', `${base}/api/frames/a/points`, 'ply');
    expect(whole.positions).toEqual(cloud.positions);
  });

  it('parses a LAS with its attributes', async () => {
    const { summary, cloud } = await loadPointStream(`${base}/api/frames/b/points`, 'las', 'b', () => undefined);
    expect(cloud.count).toBe(1);
    expect([...cloud.positions]).toEqual([1, 2, 3]);
    expect(summary.fields.map((f) => `${f.name}:${f.type}`)).toContain('gps_time:F8');
    expect(summary.ranges.classification[0]).toBe(2);
  });
});
