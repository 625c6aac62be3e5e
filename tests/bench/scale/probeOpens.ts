/**
 * A probe of the frame-open path alone (no database load, no saves): N concurrent opens (calib,
 * points, annotation) of different frames against one `cuboid serve` of the same frames from a
 * folder and from s3rver, and N concurrent GetObjects of the point files straight from s3rver.
 * Says whether the bucket path itself (SDK, s3rver, proxying) is what makes opens slow.
 *
 *   node --import tsx tests/bench/scale/probeOpens.ts [N]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { startTestBucket } from '../../unit/server/fixtures/testBucket.ts';
import { LoopbackClient, RoundRobin } from './loopbackClient.ts';
import { makeScaleDataset, percentile } from './scaleDataset.ts';
import { startServe } from './serveProcess.ts';

const N = Number(process.argv[2] ?? 40);
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cuboid-probe-'));
const say = (line: string) => process.stdout.write(`${line}\n`);
const fmt = (ms: number[]) => `p50 ${percentile(ms, 50).toFixed(0)} ms, p99 ${percentile(ms, 99).toFixed(0)} ms (n ${ms.length})`;

async function opens(url: string, ids: string[]): Promise<string> {
  const lb = new RoundRobin([{ url, downUntil: 0 }]);
  const parts: Record<string, number[]> = { calib: [], points: [], annotation: [], open: [] };
  await Promise.all(
    ids.map(async (id, i) => {
      const client = new LoopbackClient(lb, `127.0.3.${1 + i}`);
      const t0 = performance.now();
      await Promise.all(
        ['calib', 'points', 'annotation'].map(async (part) => {
          const t = performance.now();
          const res = await client.request('GET', `/api/frames/${id}/${part}`);
          if (res.status !== 200) throw new Error(`${part} ${res.status} ${res.body.toString().slice(0, 200)}`);
          parts[part].push(performance.now() - t);
        }),
      );
      parts.open.push(performance.now() - t0);
      client.close();
    }),
  );
  return Object.entries(parts)
    .map(([k, v]) => `${k} ${fmt(v)}`)
    .join('; ');
}

const data = path.join(root, 'data');
const ids = makeScaleDataset(data, N);
const bucket = await startTestBucket('cuboid-probe');
try {
  const url = await bucket.upload(data, 'kitti');
  const s3 = new S3Client({
    forcePathStyle: true,
    endpoint: bucket.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });
  const direct: number[] = [];
  await Promise.all(
    ids.map(async (id) => {
      const t = performance.now();
      const out = await s3.send(new GetObjectCommand({ Bucket: 'cuboid-probe', Key: `kitti/velodyne/${id}.bin` }));
      await out.Body?.transformToByteArray();
      direct.push(performance.now() - t);
    }),
  );
  say(`load ${os.loadavg()[0].toFixed(1)}: ${N} GetObjects of point files straight from s3rver: ${fmt(direct)}`);
  for (const [name, arg] of [
    ['folder', data],
    ['bucket', url],
  ] as const) {
    const server = await startServe([arg, '--state', path.join(root, `state-${name}`)], path.join(root, `${name}.log`));
    try {
      // One warm-up open, then N at once.
      await opens(server.url, [ids[0]]);
      say(`load ${os.loadavg()[0].toFixed(1)}: ${N} opens at once from a ${name}: ${await opens(server.url, ids)}`);
    } finally {
      await server.stop();
    }
  }
} finally {
  await bucket.close();
  fs.rmSync(root, { recursive: true, force: true });
}
