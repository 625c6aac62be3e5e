import { describe, expect, it } from 'vitest';
import { drawBoxes } from '../../../src/ui/cameraOverlay.ts';
import type { ProjectedBox } from '../../../src/ui/cameraOverlay.ts';
import { testCuboid } from '../../helpers/TestEditor.ts';

/** A 2D context that records each stroke and fill with the state it was drawn in. */
function recordingContext() {
  const strokes: { width: number; alpha: number; color: string }[] = [];
  const fills: { alpha: number; color: string }[] = [];
  const stack: { lineWidth: number; globalAlpha: number; strokeStyle: string; fillStyle: string }[] = [];
  const ctx = {
    lineWidth: 1,
    globalAlpha: 1,
    strokeStyle: '',
    fillStyle: '',
    save() {
      stack.push({ lineWidth: ctx.lineWidth, globalAlpha: ctx.globalAlpha, strokeStyle: ctx.strokeStyle, fillStyle: ctx.fillStyle });
    },
    restore() {
      Object.assign(ctx, stack.pop());
    },
    beginPath() {},
    moveTo() {},
    lineTo() {},
    closePath() {},
    stroke() {
      strokes.push({ width: ctx.lineWidth, alpha: ctx.globalAlpha, color: ctx.strokeStyle });
    },
    fill() {
      fills.push({ alpha: ctx.globalAlpha, color: ctx.fillStyle });
    },
  };
  return { ctx, strokes, fills };
}

function square(id: string, label: string, u: number): ProjectedBox {
  const box = testCuboid(id, { label });
  const c: [number, number][] = [
    [u, 10],
    [u + 40, 10],
    [u + 40, 50],
    [u, 50],
  ];
  const edges = c.map(([u1, v1], i) => ({ u1, v1, u2: c[(i + 1) % 4][0], v2: c[(i + 1) % 4][1], front: false }));
  return { box, edges };
}

describe('drawBoxes (camera panel overlay)', () => {
  const boxes = [square('a', 'Car', 0), square('b', 'Pedestrian', 100), square('c', 'Car', 200)];

  it('draws every box alike when none is selected', () => {
    const r = recordingContext();
    drawBoxes(r.ctx as unknown as CanvasRenderingContext2D, boxes, []);
    expect(r.strokes).toHaveLength(12);
    expect(new Set(r.strokes.map((s) => `${s.width}/${s.alpha}`))).toEqual(new Set(['1.5/1']));
    expect(r.fills).toHaveLength(0);
  });

  it('draws the selected box last, filled, thick and on a halo, and dims the others', () => {
    const r = recordingContext();
    drawBoxes(r.ctx as unknown as CanvasRenderingContext2D, boxes, ['b']);
    // 2 × 4 dimmed edges, then the selected box's 4 halo strokes and its 4 edges.
    expect(r.strokes).toHaveLength(16);
    expect(r.strokes.slice(0, 8).every((s) => s.alpha === 0.45 && s.width === 1.5)).toBe(true);
    const halo = r.strokes.slice(8, 12);
    expect(halo.every((s) => s.width > 4 && s.color.startsWith('rgba(0, 0, 0'))).toBe(true);
    const edges = r.strokes.slice(12);
    expect(edges.every((s) => s.width === 4 && s.alpha === 1 && !s.color.startsWith('rgba'))).toBe(true);
    expect(r.fills).toHaveLength(1);
    expect(r.fills[0].alpha).toBeLessThan(0.5);
    // The context is left as it was found.
    expect(r.ctx.globalAlpha).toBe(1);
    expect(r.ctx.lineWidth).toBe(1);
  });
});
