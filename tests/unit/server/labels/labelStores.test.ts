import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FolderLabelStore, BucketLabelStore } from '../../../../src/server/labels/LabelStore.ts';
import { startLabelSyncTimer } from '../../../../src/server/labels/labelSyncTimer.ts';
import { openSource } from '../../../../src/server/dataset/sources.ts';
import type { S3Source } from '../../../../src/server/dataset/S3Source.ts';
import { makeTempDir } from '../fixtures/makeDataset.ts';
import { startTestBucket, type TestBucket } from '../fixtures/testBucket.ts';

let bucket: TestBucket;
const dirs: string[] = [];
beforeAll(async () => {
  bucket = await startTestBucket();
}, 60_000);
afterAll(async () => {
  await bucket.close();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('label stores', () => {
  it('a folder store writes ID.txt (creating the folder) and leaves an identical file untouched', async () => {
    const dir = path.join(makeTempDir(), 'label_2');
    dirs.push(path.dirname(dir));
    const store = new FolderLabelStore(dir);
    await store.writeIfChanged('000001', 'Car 1\n');
    expect(fs.readFileSync(store.describe('000001'), 'utf8')).toBe('Car 1\n');
    const before = fs.statSync(store.describe('000001')).ino;
    await store.writeIfChanged('000001', 'Car 1\n');
    expect(fs.statSync(store.describe('000001')).ino).toBe(before);
  });

  it('a bucket store puts PREFIX/label_2/ID.txt, and names the object', async () => {
    await bucket.upload(path.resolve('../shared/samples/kitti'), 'labels/ds');
    const source = (await openSource(`s3://${bucket.bucket}/labels/ds`)) as S3Source;
    const store = new BucketLabelStore(source);
    expect(store.describe('000001')).toBe(`s3://${bucket.bucket}/labels/ds/label_2/000001.txt`);
    await store.writeIfChanged('000001', 'Pedestrian 2\n');
    expect(await bucket.text('labels/ds/label_2/000001.txt')).toBe('Pedestrian 2\n');
    await store.writeIfChanged('000001', 'Cyclist 3\n');
    expect(await bucket.text('labels/ds/label_2/000001.txt')).toBe('Cyclist 3\n');
  });

  it('the retry timer runs the sync again until stopped, one pass at a time', async () => {
    let running = 0;
    let most = 0;
    let calls = 0;
    const stop = startLabelSyncTimer(async () => {
      calls++;
      running++;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, 30));
      running--;
    }, 5);
    await vi.waitFor(() => expect(calls).toBeGreaterThanOrEqual(3), { timeout: 10_000 });
    stop();
    const after = calls;
    await new Promise((r) => setTimeout(r, 60));
    expect(calls).toBe(after);
    expect(most).toBe(1);
  });
});
