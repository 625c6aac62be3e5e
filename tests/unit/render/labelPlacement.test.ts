import { describe, expect, it } from 'vitest';
import { boxLabelText, labelWidth, placeLabels, type LabelCandidate } from '../../../src/render/labelPlacement.ts';

const at = (id: string, x: number, y: number, depth: number, priority = false): LabelCandidate => ({ id, x, y, depth, width: 40, height: 15, priority });

describe('placeLabels', () => {
  it('keeps the nearest of two overlapping labels, and both when apart', () => {
    expect(placeLabels([at('far', 100, 100, 30), at('near', 110, 102, 10)], 800, 600, 40).map((p) => p.id)).toEqual(['near']);
    expect(placeLabels([at('a', 100, 100, 30), at('b', 200, 100, 10)], 800, 600, 40).map((p) => p.id)).toEqual(['b', 'a']);
  });

  it('puts the selected box first even when farther, and sits each label centred above its anchor', () => {
    const placed = placeLabels([at('near', 110, 100, 5), at('sel', 100, 100, 50, true)], 800, 600, 40);
    expect(placed).toEqual([{ id: 'sel', left: 80, top: 100 - 4 - 15 }]);
  });

  it('drops anchors outside the view or behind the camera, and caps the count nearest first', () => {
    expect(placeLabels([at('left', -5, 100, 1), at('below', 100, 700, 1), at('behind', 100, 100, -1)], 800, 600, 40)).toEqual([]);
    const grid: LabelCandidate[] = [];
    for (let i = 0; i < 1000; i++) grid.push(at(`b${i}`, 30 + (i % 20) * 50, 20 + Math.floor(i / 20) * 20, 1000 - i));
    const placed = placeLabels(grid, 1200, 1200, 40);
    expect(placed).toHaveLength(40);
    expect(placed[0].id).toBe('b999');
    // No two placed labels overlap.
    for (let i = 0; i < placed.length; i++)
      for (let j = i + 1; j < placed.length; j++) {
        const a = placed[i];
        const b = placed[j];
        expect(Math.abs(a.left - b.left) >= 40 || Math.abs(a.top - b.top) >= 15).toBe(true);
      }
  });

  it('slides a label at the edge of the view inside it, whole', () => {
    expect(placeLabels([at('left', 5, 100, 1)], 800, 600, 40)).toEqual([{ id: 'left', left: 0, top: 100 - 4 - 15 }]);
    expect(placeLabels([at('right', 795, 100, 1)], 800, 600, 40)).toEqual([{ id: 'right', left: 760, top: 100 - 4 - 15 }]);
    expect(placeLabels([at('top', 100, 5, 1)], 800, 600, 40)).toEqual([{ id: 'top', left: 80, top: 0 }]);
  });

  it('names a box by class and track number', () => {
    expect(boxLabelText('Car', 't12-ab3')).toBe('Car 12');
    expect(boxLabelText('Van', 'c0ffee-1234-5678')).toBe('Van c0ffee-1');
    expect(boxLabelText('Cyclist', null)).toBe('Cyclist');
    expect(labelWidth('Car 12')).toBeGreaterThan(labelWidth('Car'));
  });
  it('keeps labels off the panels over the view', () => {
    // A legend over the top-left 200 × 80 px: the label of a box under it is left out, the other placed.
    const placed = placeLabels([at('under', 100, 90, 10), at('clear', 400, 300, 20)], 800, 600, 40, [[12, 36, 192, 96]]);
    expect(placed.map((p) => p.id)).toEqual(['clear']);
  });
});
