import { describe, expect, it } from 'vitest';
import { FIT, clampZoom, panBy, resizedWidth, zoomAbout } from '../../../src/ui/cameraZoom.ts';

describe('camera panel zoom and size', () => {
  it('zooms about the cursor: the image point under it stays there', () => {
    const z = zoomAbout(FIT, 2, 300, 100, 600, 200);
    expect(z).toEqual({ scale: 2, x: -300, y: -100 });
    // The image point under the cursor before (300, 100) → after: (300 − x) / scale.
    expect((300 - z.x) / z.scale).toBe(300);
    const out = zoomAbout(z, 0.5, 50, 50, 600, 200);
    expect(out).toEqual(FIT);
  });

  it('never zooms out past the fit, nor in past 8×, nor lets an edge of the image into the panel', () => {
    expect(zoomAbout(FIT, 0.5, 10, 10, 600, 200)).toEqual(FIT);
    expect(zoomAbout(FIT, 100, 0, 0, 600, 200).scale).toBe(8);
    expect(clampZoom({ scale: 2, x: 40, y: -500 }, 600, 200)).toEqual({ scale: 2, x: 0, y: -200 });
    expect(panBy({ scale: 2, x: -300, y: -100 }, 1000, 30, 600, 200)).toEqual({ scale: 2, x: 0, y: -70 });
  });

  it('the corner grip grows the panel to the right or upwards, within bounds', () => {
    expect(resizedWidth(500, 120, 0, 3.3, 240, 1200)).toBe(620);
    expect(resizedWidth(500, 0, -50, 3.3, 240, 1200)).toBe(665);
    expect(resizedWidth(500, -400, 0, 3.3, 240, 1200)).toBe(240);
    expect(resizedWidth(500, 2000, 0, 3.3, 240, 1200)).toBe(1200);
  });
});
