import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';

/** The real KITTI frames of ../shared/samples/kitti (never copied into the repo). */
export const KITTI_DIR = path.resolve(process.cwd(), '../shared/samples/kitti');
export const FRAMES = ['000000', '000001', '000002'] as const;

export function readSampleText(folder: string, name: string): string {
  return readFileSync(path.join(KITTI_DIR, folder, name), 'utf8');
}

export function readSampleBytes(folder: string, name: string): Uint8Array {
  const buf = readFileSync(path.join(KITTI_DIR, folder, name));
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

/** Asserts two number lists are equal element-wise within `tol`. */
export function expectClose(actual: readonly number[], expected: readonly number[], tol: number): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((a, i) => {
    expect(Math.abs(a - expected[i]), `index ${i}: ${a} vs ${expected[i]}`).toBeLessThanOrEqual(tol);
  });
}
