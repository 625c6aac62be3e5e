import { describe, expect, it } from 'vitest';
import { KittiError } from '../../../../src/domain/kitti/KittiError.ts';
import { parseKittiLabel } from '../../../../src/domain/kitti/parseKittiLabel.ts';
import { readSampleText } from './kittiSamples.ts';

const CAR = 'Car 0.00 0 1.85 387.63 181.54 423.81 203.12 1.67 1.87 3.69 -16.53 2.39 58.49 1.57';

describe('parseKittiLabel', () => {
  it('reads every field of a GT line (h w l in file order)', () => {
    expect(parseKittiLabel(CAR)).toEqual([
      {
        type: 'Car',
        truncated: 0,
        occluded: 0,
        alpha: 1.85,
        bbox: [387.63, 181.54, 423.81, 203.12],
        dimensions: [1.67, 1.87, 3.69],
        location: [-16.53, 2.39, 58.49],
        rotationY: 1.57,
      },
    ]);
  });

  it('reads the real 000001 file in order, DontCare lines included', () => {
    const objects = parseKittiLabel(readSampleText('label_2', '000001.txt'));
    expect(objects.map((o) => o.type)).toEqual(['Truck', 'Car', 'Cyclist', 'DontCare', 'DontCare', 'DontCare', 'DontCare']);
    expect(objects[2].occluded).toBe(3);
    expect(objects[3]).toEqual({
      type: 'DontCare',
      truncated: -1,
      occluded: -1,
      alpha: -10,
      bbox: [503.89, 169.71, 590.61, 190.13],
      dimensions: [-1, -1, -1],
      location: [-1000, -1000, -1000],
      rotationY: -10,
    });
  });

  it('accepts CRLF, blank lines, tabs and runs of spaces, and an optional score', () => {
    const text = `\r\n  ${CAR.replace(/ /g, ' \t ')}  \r\n\r\n${CAR} 0.9876\r\n`;
    const objects = parseKittiLabel(text);
    expect(objects).toHaveLength(2);
    expect(objects[0]).toEqual(parseKittiLabel(CAR)[0]);
    expect(objects[0].score).toBeUndefined();
    expect(objects[1].score).toBe(0.9876);
  });

  it('reads occluded as a whole number however written, and refuses a fraction (the KITTI evaluator reads it with %d)', () => {
    const line = (occ: string) => `Car 0 ${occ} 0 0 0 10 10 1 1 1 0 0 10 0`;
    expect(parseKittiLabel(line('0.00'))[0].occluded).toBe(0);
    expect(parseKittiLabel(line('-1'))[0].occluded).toBe(-1);
    expect(parseKittiLabel(line('2e0'))[0].occluded).toBe(2);
    expect(() => parseKittiLabel(line('1.6'), { fileName: '000001.txt' })).toThrow(/000001\.txt.*line 1, field "occluded": 1\.6 is not an occlusion level/);
    expect(() => parseKittiLabel(line('2.5'))).toThrow(/2\.5 is not an occlusion level/);
  });

  it('gives an empty list for empty or blank text', () => {
    expect(parseKittiLabel('')).toEqual([]);
    expect(parseKittiLabel('\n \r\n\t\n')).toEqual([]);
  });

  it('names the line and the value count for a short or long line', () => {
    const text = `${CAR}\n\nCar 0 0 1 2 3\n`;
    try {
      parseKittiLabel(text, { fileName: '000001.txt' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(KittiError);
      expect((e as KittiError).message).toBe('parseKittiLabel (000001.txt): line 3: expected 15 or 16 values (16 with a score), found 6');
      expect((e as KittiError).line).toBe(3);
    }
    expect(() => parseKittiLabel(`${CAR} 1 2`)).toThrow('line 1: expected 15 or 16 values (16 with a score), found 17');
  });

  it('names line and field for a value that is not a number', () => {
    const bad = CAR.replace('1.67', 'abc');
    try {
      parseKittiLabel(`${CAR}\n${CAR}\n${bad}`, { fileName: '000001.txt' });
      expect.unreachable();
    } catch (e) {
      const err = e as KittiError;
      expect(err).toBeInstanceOf(KittiError);
      expect(err.message).toBe('parseKittiLabel (000001.txt): line 3, field "h": "abc" is not a number');
      expect(err.line).toBe(3);
      expect(err.field).toBe('h');
    }
    const names = ['truncated', 'occluded', 'alpha', 'left', 'top', 'right', 'bottom', 'h', 'w', 'l', 'x', 'y', 'z', 'rotation_y'];
    names.forEach((name, k) => {
      const tokens = CAR.split(' ');
      tokens[k + 1] = 'nan';
      expect(() => parseKittiLabel(tokens.join(' '))).toThrow(`line 1, field "${name}": "nan" is not a number`);
    });
    expect(() => parseKittiLabel(`${CAR} 0x10`)).toThrow('field "score": "0x10" is not a number');
  });

  it('refuses values outside KITTI ranges, naming line and field, so what imports can be saved', () => {
    const car = 'Car 0.00 0 -1.58 587.01 173.33 614.12 200.12 1.65 1.67 3.64 -0.65 1.71 46.70 -1.59';
    const tokens = car.split(' ');
    const withValue = (index: number, value: string): string => tokens.map((t, k) => (k === index ? value : t)).join(' ');
    expect(() => parseKittiLabel(`${car}\n${withValue(2, '99999')}\n`, { fileName: 'x.txt' })).toThrow(/x\.txt.*line 2.*occluded.*99999 is outside -1\.\.3/);
    expect(() => parseKittiLabel(withValue(3, '1e300'))).toThrow(/alpha.*outside/);
    expect(() => parseKittiLabel(withValue(6, '1e300'))).toThrow(/right.*outside/);
    expect(() => parseKittiLabel(`${car} 1e300`)).toThrow(/score.*outside/);
    expect(() => parseKittiLabel(withValue(10, '0'))).toThrow(/field "l".*a Car box needs a size above 0/);
    expect(parseKittiLabel('DontCare -1 -1 -10 503.89 169.71 590.61 190.13 -1 -1 -1 -1000 -1000 -1000 -10')).toHaveLength(1);
  });

  it('rejects non-finite and malformed numbers with KittiError only', () => {
    for (const token of ['Infinity', 'NaN', '1e999', '1.2.3', '--1', '.', '1e', '+']) {
      expect(() => parseKittiLabel(CAR.replace('2.39', token))).toThrow(KittiError);
    }
    expect(() => parseKittiLabel(null as unknown as string)).toThrow(KittiError);
  });

  it('throws nothing but KittiError on mutated real files (fuzz, fixed seed)', () => {
    const base = readSampleText('label_2', '000001.txt');
    const alphabet = ' \t\r\n0123456789.-+eE:abcNnIi\u0000';
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    let parsed = 0;
    for (let i = 0; i < 500; i++) {
      const chars = [...base];
      for (let k = 0; k < 3; k++) {
        chars[Math.floor(random() * chars.length)] = alphabet[Math.floor(random() * alphabet.length)];
      }
      try {
        parseKittiLabel(chars.join(''));
        parsed++;
      } catch (e) {
        expect(e).toBeInstanceOf(KittiError);
      }
    }
    expect(parsed).toBeGreaterThan(0);
  });
});
