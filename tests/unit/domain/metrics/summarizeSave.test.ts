import { describe, expect, it } from 'vitest';
import { summarizeSave } from '../../../../src/domain/metrics/summarizeSave.ts';
import type { Cuboid } from '../../../../src/domain/types.ts';

const box = (id: string, source: Cuboid['source'], over: Partial<Cuboid> = {}): Cuboid => ({
  id,
  trackId: null,
  label: 'Car',
  center: [1, 2, 3],
  size: [4, 2, 1.5],
  yaw: 0,
  attributes: { truncated: 0, occluded: 0 },
  source,
  ...over,
});

describe('summarizeSave', () => {
  it('counts boxes by source, added by source, removed and changed', () => {
    const prev = [box('a', 'import'), box('b', 'fit'), box('c', 'manual')];
    const next = [box('a', 'import', { yaw: 0.5 }), box('b', 'fit'), box('d', 'fit'), box('e', 'manual'), box('f', 'fit')];
    expect(summarizeSave(prev, next)).toEqual({
      boxCount: 5,
      bySource: { manual: 1, fit: 3, import: 1 },
      added: { manual: 1, fit: 2, import: 0 },
      removed: 1,
      changed: 1,
    });
  });

  it('treats a first save as all added, and sees attribute-only changes', () => {
    expect(summarizeSave(null, [box('a', 'manual')]).added).toEqual({ manual: 1, fit: 0, import: 0 });
    const s = summarizeSave([box('a', 'manual')], [box('a', 'manual', { attributes: { truncated: 0, occluded: 1 } })]);
    expect(s).toMatchObject({ changed: 1, removed: 0, added: { manual: 0, fit: 0, import: 0 } });
  });
});
