/**
 * `cuboid check` and `cuboid export` print the dataset's warnings as `serve` does (files the scan
 * skipped, nuScenes rows left out): on stderr one line each, or in the JSON under `--json`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeNuscenesDataset } from '../server/fixtures/makeSequenceDatasets.ts';
import { makePcd, makeTempDir } from '../server/fixtures/makeDataset.ts';
import { runCli } from './runCli.ts';

const root = makeTempDir('cuboid-dataset-warnings-');
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** A flat folder where a.pcd and a.ply share the stem `a` (a.ply is skipped), and b.pcd. */
function sharedStemFolder(name: string): string {
  const dir = path.join(root, name);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'a.pcd'), makePcd(20));
  fs.writeFileSync(
    path.join(dir, 'a.ply'),
    'ply\nformat ascii 1.0\nelement vertex 1\nproperty float x\nproperty float y\nproperty float z\nend_header\n1 2 3\n',
  );
  fs.writeFileSync(path.join(dir, 'b.pcd'), makePcd(20));
  return dir;
}

const SHARED_STEM = 'cuboid export: warning  skipped a.ply: a.pcd has the same frame id';

describe('dataset warnings in check and export', () => {
  it('export names a file skipped for a shared stem on stderr, one line each, and still exits 0', async () => {
    const data = sharedStemFolder('export-text');
    const r = await runCli(['export', data, '--out', path.join(root, 'out-text')]);
    expect(r.code).toBe(0);
    expect(r.err).toBe(`${SHARED_STEM}\n`);
    expect(r.out).toContain('exported 2 frames');
  });

  it('export --json puts the warnings in the summary, not on stderr', async () => {
    const data = sharedStemFolder('export-json');
    const r = await runCli(['export', data, '--out', path.join(root, 'out-json'), '--json', '--format', 'openlabel']);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(JSON.parse(r.out).warnings).toEqual(['skipped a.ply: a.pcd has the same frame id']);
  });

  it('check prints them on stderr, and in the report under --json', async () => {
    const data = sharedStemFolder('check');
    const text = await runCli(['check', data, '--threads', '1']);
    expect(text.err).toBe('cuboid check: warning  skipped a.ply: a.pcd has the same frame id\n');
    const json = await runCli(['check', data, '--threads', '1', '--json']);
    expect(json.err).toBe('');
    expect(JSON.parse(json.out).warnings).toEqual(['skipped a.ply: a.pcd has the same frame id']);
  });

  it('export names a nuScenes annotation row whose sample token is missing (its box is left out)', async () => {
    const data = makeNuscenesDataset(path.join(root, 'nu'), (t) => {
      (t.sample_annotation[1] as { sample_token: string }).sample_token = 's-missing';
    });
    const r = await runCli(['export', data, '--out', path.join(root, 'out-nu'), '--format', 'nuscenes']);
    expect(r.code).toBe(0);
    expect(r.err).toBe(
      'cuboid export: warning  v1.0-mini/sample_annotation.json: row 1 (token "a-car-1"), field "sample_token": no sample has token "s-missing"; row left out\n',
    );
  });
});
