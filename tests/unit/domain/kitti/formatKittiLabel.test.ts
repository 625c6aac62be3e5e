import { describe, expect, it } from 'vitest';
import { KittiError } from '../../../../src/domain/kitti/KittiError.ts';
import type { KittiObject } from '../../../../src/domain/kitti/KittiObject.ts';
import { emptyAnnotation } from '../../../../src/domain/document/FrameAnnotation.ts';
import { formatAnnotationLabel } from '../../../../src/domain/kitti/formatAnnotationLabel.ts';
import { formatFixed } from '../../../../src/domain/kitti/formatFixed.ts';
import { formatKittiLabel } from '../../../../src/domain/kitti/formatKittiLabel.ts';
import { parseKittiLabel } from '../../../../src/domain/kitti/parseKittiLabel.ts';
import { FRAMES, readSampleText } from './kittiSamples.ts';

const DONT_CARE = 'DontCare -1 -1 -10 503.89 169.71 590.61 190.13 -1 -1 -1 -1000 -1000 -1000 -10';

function car(overrides: Partial<KittiObject> = {}): KittiObject {
  return {
    type: 'Car',
    truncated: 0,
    occluded: 0,
    alpha: -1.669276407,
    bbox: [395.174424, 178.92126, 567.241069, 326.015485],
    dimensions: [1.5, 1.8, 4],
    location: [-1.983963998, 1.60034483, 9.7113703],
    rotationY: -1.870796327,
    ...overrides,
  };
}

describe('formatKittiLabel', () => {
  it('writes the GT style of §3.8: %.2f, integer occluded, single spaces, LF', () => {
    expect(formatKittiLabel([car()])).toBe('Car 0.00 0 -1.67 395.17 178.92 567.24 326.02 1.50 1.80 4.00 -1.98 1.60 9.71 -1.87\n');
  });

  it('writes DontCare lines as the official files do, and last', () => {
    const dontCare = parseKittiLabel(DONT_CARE)[0];
    const text = formatKittiLabel([dontCare, car({ type: 'Van' }), dontCare, car()]);
    const lines = text.split('\n');
    expect(lines).toEqual([expect.stringMatching(/^Van /), expect.stringMatching(/^Car /), DONT_CARE, DONT_CARE, '']);
  });

  it('writes -1/-10/-1000 as integers only in DontCare lines', () => {
    const text = formatKittiLabel([car({ truncated: -1, alpha: -10, location: [-1000, 1, 2] })]);
    expect(text).toBe('Car -1.00 0 -10.00 395.17 178.92 567.24 326.02 1.50 1.80 4.00 -1000.00 1.00 2.00 -1.87\n');
  });

  it('gives an empty string for no objects', () => {
    expect(formatKittiLabel([])).toBe('');
  });

  it('never writes -0.00', () => {
    const text = formatKittiLabel([car({ alpha: -0, rotationY: -0.004, location: [-0.0049, -0, 5] })]);
    expect(text).not.toContain('-0.00');
    expect(text).toContain(' 0.00 395.17');
    expect(text.trimEnd().endsWith('0.00 0.00 5.00 0.00')).toBe(true);
  });

  it('rounds exact ties to even like C printf', () => {
    expect(formatFixed(0.125, 2)).toBe('0.12');
    // Like C's %.2f, never exponent notation (toFixed gives "1e+21").
    expect(formatFixed(1e21, 2)).toBe('1000000000000000000000.00');
    expect(formatFixed(-1e300, 2)).toMatch(/^-1\d{300}\.00$/);
    expect(formatFixed(0.375, 2)).toBe('0.38');
    expect(formatFixed(-2.625, 2)).toBe('-2.62');
    expect(formatFixed(1.005, 2)).toBe('1.00'); // 1.005 is below the tie in binary
    expect(formatFixed(2.675, 2)).toBe('2.67');
    expect(formatFixed(0.00005, 4)).toBe('0.0001'); // not an exact tie in binary
    expect(formatFixed(-0.004, 2)).toBe('0.00');
    expect(formatFixed(12.5, 0)).toBe('12');
  });

  it('appends a %.4f score when asked, 1.0000 for objects without one', () => {
    const text = formatKittiLabel([car({ score: 0.87654 }), car()], { withScore: true });
    const lines = text.trimEnd().split('\n');
    expect(lines[0].split(' ')).toHaveLength(16);
    expect(lines[0].endsWith(' -1.87 0.8765')).toBe(true);
    expect(lines[1].endsWith(' -1.87 1.0000')).toBe(true);
    expect(formatKittiLabel([car({ score: 0.5 })])).not.toContain('0.5000');
  });

  it('names object and field for a non-finite value or a bad type', () => {
    expect(() => formatKittiLabel([car(), car({ location: [1, NaN, 3] })])).toThrow('formatKittiLabel: field "y": object 2 (Car): NaN is not a finite number');
    expect(() => formatKittiLabel([car({ type: 'Big car' })])).toThrow(KittiError);
    expect(() => formatKittiLabel([car({ type: '' })])).toThrow(/field "type"/);
  });

  it('parse → format reproduces a 16-value line written with %.4f scores', () => {
    const text = 'Car 0.00 0 -1.67 395.17 178.92 567.24 326.02 1.50 1.80 4.00 -1.98 1.60 9.71 -1.87 0.9500\n';
    expect(formatKittiLabel(parseKittiLabel(text), { withScore: true })).toBe(text);
  });

  for (const frame of FRAMES) {
    it(`parse → format reproduces label_2/${frame}.txt byte for byte`, () => {
      const text = readSampleText('label_2', `${frame}.txt`);
      expect(formatKittiLabel(parseKittiLabel(text))).toBe(text);
    });
  }
});

describe('formatAnnotationLabel', () => {
  const box = {
    id: 'b1',
    trackId: null,
    label: 'Car',
    center: [10, 1, -0.8] as [number, number, number],
    size: [4, 1.8, 1.5] as [number, number, number],
    yaw: 0.2,
    attributes: { truncated: 0, occluded: 0 },
    source: 'manual' as const,
  };

  it('writes boxes, then DontCare regions', () => {
    const dontCare = {
      type: 'DontCare',
      truncated: -1,
      occluded: -1,
      alpha: -10,
      bbox: [1, 2, 3, 4] as [number, number, number, number],
      dimensions: [-1, -1, -1] as [number, number, number],
      location: [-1000, -1000, -1000] as [number, number, number],
      rotationY: -10,
    };
    const text = formatAnnotationLabel({ ...emptyAnnotation('f'), cuboids: [box], dontCare: [dontCare] }, null, [1242, 375]);
    expect(text.split('\n').map((l) => l.split(' ')[0])).toEqual(['Car', 'DontCare', '']);
  });

  it('refuses a box whose class is DontCare, naming it, instead of writing a region readers ignore', () => {
    const doc = { ...emptyAnnotation('f'), cuboids: [box, { ...box, id: 'b2', label: 'DontCare' }] };
    expect(() => formatAnnotationLabel(doc, null, [1242, 375])).toThrow(/box 2 \(b2\) has class "DontCare"/);
  });
});
