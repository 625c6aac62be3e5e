import { describe, expect, it } from 'vitest';
import { WHEEL_ZOOM_SPEED, framingOnLoad } from '../../../src/render/framing.ts';

const bounds = (min: [number, number, number], max: [number, number, number]) => ({ min, max });
const street = bounds([-60, -40, -3], [70, 40, 4]);
const object = bounds([-0.1, -0.1, 0], [0.1, 0.1, 0.2]);
const courtyard = bounds([-12, -10, -2], [14, 9, 3]);

describe('framing a newly loaded cloud', () => {
  it('aims at a cloud the street view would miss, and returns to the street view after it', () => {
    expect(framingOnLoad(street, object)).toBe('aim');
    expect(framingOnLoad(object, street)).toBe('default');
  });

  it('reframes a street scan of a very different scale, keeps the view between frames of one scale', () => {
    expect(framingOnLoad(street, courtyard)).toBe('default'); // 130 m → 26 m across
    expect(framingOnLoad(courtyard, street)).toBe('default');
    expect(framingOnLoad(street, bounds([-55, -42, -3], [72, 38, 5]))).toBe('keep');
    expect(framingOnLoad(null, street)).toBe('keep');
    expect(framingOnLoad(street, null)).toBe('keep');
  });

  it('zooms about 14 % a wheel notch (three.js scales by 0.95^speed per 100 px of wheel)', () => {
    expect(1 - 0.95 ** WHEEL_ZOOM_SPEED).toBeGreaterThan(0.12);
  });
});
