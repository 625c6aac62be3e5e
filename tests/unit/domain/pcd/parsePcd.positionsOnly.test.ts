/**
 * `positionsOnly`: the positions a merge needs, without the attributes, and a compressed body
 * decoded only as far as its x y z planes.
 */
import { describe, expect, it } from 'vitest';
import { parsePcd } from '../../../../src/domain/pcd/parsePcd.ts';
import { writePcd } from '../../../../src/domain/pcd/writePcd.ts';
import type { PointCloud } from '../../../../src/domain/types.ts';

function cloud(n: number): PointCloud {
  const positions = new Float32Array(n * 3);
  const intensity = new Float32Array(n);
  const ring = new Uint16Array(n);
  for (let i = 0; i < n; i++) {
    positions.set([Math.sin(i) * 40, Math.cos(i * 0.7) * 40, (i % 17) / 8 - 1], i * 3);
    intensity[i] = (i * 13) % 255;
    ring[i] = i % 64;
  }
  positions[7] = Number.NaN;
  return { count: n, positions, attributes: { intensity, ring } };
}

describe('parsePcd positionsOnly', () => {
  for (const data of ['ascii', 'binary', 'binary_compressed'] as const) {
    it(`reads the same positions from a ${data} body and stores no attribute`, () => {
      const bytes = writePcd(cloud(2_000), { encoding: data });
      const whole = parsePcd(bytes);
      const only = parsePcd(bytes, { positionsOnly: true });
      expect(Object.keys(whole.attributes).sort()).toEqual(['intensity', 'ring']);
      expect(only.attributes).toEqual({});
      expect(only.positions).toEqual(whole.positions);
      expect([only.count, only.nanCount]).toEqual([2_000, 1]);
    });
  }

  it('does not decode a compressed body past the x y z planes (a broken tail fails only a whole parse)', () => {
    const bytes = writePcd(cloud(2_000), { encoding: 'binary_compressed' });
    // One more literal byte after the stream (its size prefix grown to match): the planes now
    // decode one byte past the declared size.
    const body = new TextDecoder('latin1').decode(bytes).indexOf('DATA binary_compressed\n') + 'DATA binary_compressed\n'.length;
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    const cs = view.getUint32(body, true);
    const broken = new Uint8Array(body + 8 + cs + 2);
    broken.set(bytes.subarray(0, body + 8 + cs));
    new DataView(broken.buffer).setUint32(body, cs + 2, true);
    broken.set([0x00, 0x41], body + 8 + cs);
    expect(() => parsePcd(broken)).toThrow(/past the declared/);
    expect(parsePcd(broken, { positionsOnly: true }).positions).toEqual(parsePcd(bytes).positions);
  });
});
