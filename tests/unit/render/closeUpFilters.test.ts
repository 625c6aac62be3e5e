import { describe, expect, it } from 'vitest';
import { closeUpFilters } from '../../../src/render/closeUpFilters.ts';
import type { Cuboid } from '../../../src/domain/types.ts';

const box = (id: string, label: string, x: number): Cuboid => ({
  id,
  label,
  center: [x, 0, -1],
  size: [4, 2, 1.5],
  yaw: 0,
  trackId: null,
  attributes: { truncated: 0, occluded: 0 },
  source: 'manual',
});

describe('closeUpFilters (what the worker hides among the close-ups’ points)', () => {
  const boxes = [box('a', 'Car', 10), box('b', 'Pedestrian', 5), box('c', 'Car', 20)];
  const none = { hideGround: false, hiddenClasses: [] as string[], hiddenBoxIds: [] as string[] };

  it('asks for nothing while no filter is on', () => {
    expect(closeUpFilters(boxes, none)).toEqual({ filters: undefined, key: '' });
  });

  it('flags the boxes of a hidden class or hidden themselves, and hides the ground when asked', () => {
    const r = closeUpFilters(boxes, { ...none, hiddenClasses: ['Car'], hiddenBoxIds: ['b'] });
    expect(r.filters?.hidden).toEqual([true, true, true]);
    expect(r.filters?.ground).toBe(false);
    expect(r.filters?.boxes.map((b) => b.center[0])).toEqual([10, 5, 20]);
    const g = closeUpFilters(boxes, { ...none, hideGround: true });
    expect(g.filters).toEqual({ ground: true, boxes: [], hidden: [] });
  });

  it('changes its key when a box moves only while a box is hidden', () => {
    const moved = [box('a', 'Car', 11), boxes[1], boxes[2]];
    expect(closeUpFilters(moved, { ...none, hideGround: true }).key).toBe(closeUpFilters(boxes, { ...none, hideGround: true }).key);
    const hidden = { ...none, hiddenBoxIds: ['b'] };
    expect(closeUpFilters(moved, hidden).key).not.toBe(closeUpFilters(boxes, hidden).key);
  });
});
