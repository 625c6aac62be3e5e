import fs from 'node:fs';
import path from 'node:path';
import { hashToken, createToken, tokenLookupKey } from '../../../src/server/auth/tokens.ts';
import type { Storage } from '../../../src/server/storage/Storage.ts';

/** The real KITTI frames the bench serves (read-only; copied, never written). */
export const KITTI = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../../../shared/samples/kitti');

const FOLDERS = [
  ['velodyne', '.bin'],
  ['calib', '.txt'],
  ['image_2', '.png'],
  ['label_2', '.txt'],
] as const;

/**
 * A KITTI-layout copy of `../shared/samples/kitti` with `frames` frames under `root`: frame k is a
 * byte copy of the k mod 3-th real frame (points, calib, image, label), so annotators spread over
 * many frames as a team does, each frame a real scan. Returns the frame ids.
 */
export function makeScaleDataset(root: string, frames: number): string[] {
  const originals = fs
    .readdirSync(path.join(KITTI, 'velodyne'))
    .filter((f) => f.endsWith('.bin'))
    .map((f) => f.slice(0, -4))
    .sort();
  if (originals.length === 0) throw new Error(`${KITTI}/velodyne: no .bin frames`);
  const ids = Array.from({ length: frames }, (_, k) => String(k).padStart(6, '0'));
  for (const [folder, ext] of FOLDERS) {
    fs.mkdirSync(path.join(root, folder), { recursive: true });
    ids.forEach((id, k) => {
      const from = path.join(KITTI, folder, `${originals[k % originals.length]}${ext}`);
      const to = path.join(root, folder, `${id}${ext}`);
      fs.copyFileSync(from, to);
      fs.chmodSync(to, 0o644);
    });
  }
  return ids;
}

/** Adds `n` annotators `ann000…` (tokens hashed as `cuboid user add` does) and returns their tokens. */
export async function addAnnotators(storage: Storage, n: number): Promise<{ name: string; token: string }[]> {
  const users = Array.from({ length: n }, (_, i) => ({ name: `ann${String(i).padStart(3, '0')}`, token: createToken() }));
  // scrypt runs on libuv's thread pool: a few at a time.
  for (let i = 0; i < users.length; i += 8) {
    await Promise.all(
      users
        .slice(i, i + 8)
        .map(async (u) =>
          storage.users.addUser({ name: u.name, role: 'annotator', tokenLookup: tokenLookupKey(u.token), tokenHash: await hashToken(u.token) }),
        ),
    );
  }
  return users;
}

/** Loopback source address of annotator `i` (127.0.1.1, 127.0.1.2, …): a client address of its own. */
export function sourceAddress(i: number): string {
  return `127.0.${1 + Math.floor(i / 250)}.${1 + (i % 250)}`;
}

/** A seeded uniform random stream in [0, 1) (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The `p`-th percentile of `values` (nearest rank), NaN when empty. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
