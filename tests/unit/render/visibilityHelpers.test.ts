import { describe, expect, it } from 'vitest';
import { boxTableTexels, hexToRgb, NO_BOX_RGB } from '../../../src/render/boxTable.ts';
import { BOX_TABLE_WIDTH } from '../../../src/render/pointMaterial.ts';
import { heightAtRay, rangeAtRay, roundHandle } from '../../../src/render/sliceCropDrag.ts';

describe('boxTableTexels', () => {
  const labels: Record<string, string> = { a: 'Car', b: 'Pedestrian', c: 'Car' };
  const colorOf = (label: string) => (label === 'Car' ? ([1, 2, 3] as const) : ([7, 8, 9] as const));

  it('holds each box’s class colour, alpha 0 for hidden boxes and classes, grey for boxes gone', () => {
    const t = boxTableTexels({ boxIds: ['a', 'b', 'c', 'gone'], labelOf: (id) => labels[id], hiddenClasses: ['Pedestrian'], hiddenBoxIds: ['c'], colorOf });
    expect(t.width).toBe(BOX_TABLE_WIDTH);
    expect(t.height).toBe(1);
    expect(Array.from(t.data.subarray(0, 16))).toEqual([1, 2, 3, 255, 7, 8, 9, 0, 1, 2, 3, 0, ...NO_BOX_RGB, 255]);
  });

  it('wraps into rows of BOX_TABLE_WIDTH entries', () => {
    const ids = Array.from({ length: BOX_TABLE_WIDTH + 1 }, (_, i) => `b${i}`);
    const t = boxTableTexels({ boxIds: ids, labelOf: () => 'Car', hiddenClasses: [], hiddenBoxIds: [`b${BOX_TABLE_WIDTH}`], colorOf });
    expect(t.height).toBe(2);
    expect(t.data[BOX_TABLE_WIDTH * 4 + 3]).toBe(0);
    expect(t.data[(BOX_TABLE_WIDTH - 1) * 4 + 3]).toBe(255);
  });

  it('reads hex colours', () => {
    expect(hexToRgb('#4c8dff')).toEqual([76, 141, 255]);
    expect(hexToRgb('#fff')).toEqual([255, 255, 255]);
    expect(hexToRgb('red')).toEqual([...NO_BOX_RGB]);
  });
});

describe('slice and crop handle dragging', () => {
  it('reads the range where the view ray meets the ground plane', () => {
    // From 20 m up over the sensor, looking 45° down along +y: meets z = 0 at y = 20.
    expect(rangeAtRay([0, 0, 20], [0, Math.SQRT1_2, -Math.SQRT1_2], 0)).toBeCloseTo(20, 9);
    expect(rangeAtRay([0, 0, 20], [1, 0, 0], 0)).toBeNull();
    expect(rangeAtRay([0, 0, 20], [0, 0.5, 0.5], 0)).toBeNull();
  });

  it('reads the height on the vertical line through the sensor nearest the ray', () => {
    // A horizontal ray at z = 1.3 passing 5 m beside the line: nearest at z = 1.3.
    expect(heightAtRay([-10, 5, 1.3], [1, 0, 0], 0, 0)).toBeCloseTo(1.3, 9);
    // A ray from (−10, 0, 10) towards (0, 0, 0) crosses the line at z = 0.
    expect(heightAtRay([-10, 0, 10], [1, 0, -1], 0, 0)).toBeCloseTo(0, 9);
    expect(heightAtRay([3, 3, 10], [0, 0, -1], 0, 0)).toBeNull();
    expect(roundHandle(1.2749)).toBe(1.25);
  });
});
