import { describe, expect, it } from 'vitest';
import { KittiError } from '../../../../src/domain/kitti/KittiError.ts';
import { createKittiCalib, formatKittiCalib, parseKittiCalib, syntheticCalib } from '../../../../src/domain/kitti/parseKittiCalib.ts';
import { multiply3x4Mat4, multiplyMat4 } from '../../../../src/domain/kitti/mat4.ts';
import { FRAMES, expectClose, readSampleText } from './kittiSamples.ts';

// FORMATS.md §3.6, rows 1–3 of each matrix.
const VELO2RECT = {
  '000000': [
    -0.001596099421, -0.999916246748, -0.01284043631, -0.022366708918, -0.005270645689, 0.012848695454, -0.999903552245, -0.05967890683, 0.999984790046,
    -0.001528267249, -0.005290712328, -0.332548998833,
  ],
  '000001': [
    0.000234773698, -0.999944154544, -0.010563477811, -0.002796816941, 0.010449407417, 0.010565353641, -0.999889574118, -0.075108791383, 0.999945388562,
    0.000124365378, 0.010451302996, -0.272132796406,
  ],
};
const RECT2VELO = {
  '000000': [
    -0.00159609875, -0.005270646083, 0.999984882483, 0.332193725645, -0.999916321779, 0.0128486867, -0.001528268232, -0.022106265806, -0.012840446259,
    -0.999903569884, -0.00529071254, -0.061719771668,
  ],
  '000001': [
    0.000234773362, 0.010449405832, 0.999945363237, 0.272903426812, -0.999944200163, 0.010565354843, 0.000124365692, -0.001969265863, -0.010563477335,
    -0.999889596882, 0.010451304557, -0.072285900515,
  ],
};
const VELO2IMG = {
  '000000': [
    602.943690972, -707.913280141, -12.274842415, -170.942720667, 176.777248158, 8.808798802, -707.936115177, -102.568634111, 0.99998479, -0.001528267,
    -0.005290712, -0.327567983,
  ],
  '000001': [
    609.695409164, -721.421597325, -1.251258546, -123.041805747, 180.384201588, 7.644798019, -719.651474035, -101.016687874, 0.999945389, 0.000124365,
    0.010451303, -0.269386912,
  ],
};

describe('parseKittiCalib on the real frames (§3.6)', () => {
  for (const frame of ['000000', '000001'] as const) {
    it(`derives velo2rect, rect2velo and velo2img of ${frame} to 1e-8`, () => {
      const calib = parseKittiCalib(readSampleText('calib', `${frame}.txt`));
      expectClose(calib.velo2rect.slice(0, 12), VELO2RECT[frame], 1e-8);
      expect(calib.velo2rect.slice(12)).toEqual([0, 0, 0, 1]);
      expectClose(calib.rect2velo.slice(0, 12), RECT2VELO[frame], 1e-8);
      expectClose(calib.rect2velo.slice(12), [0, 0, 0, 1], 1e-12);
      expectClose(multiply3x4Mat4(calib.P2, calib.velo2rect), VELO2IMG[frame], 1e-8);
    });
  }

  it('reads every key of 000000 by name, with P2 as printed', () => {
    const calib = parseKittiCalib(readSampleText('calib', '000000.txt'));
    expect(calib.P2).toEqual([707.0493, 0, 604.0814, 45.75831, 0, 707.0493, 180.5066, -0.3454157, 0, 0, 1, 0.004981016]);
    expect(calib.P0?.[3]).toBe(0);
    expect(calib.P1?.[3]).toBe(-379.7842);
    expect(calib.P3?.[11]).toBe(0.003201153);
    expect(calib.R0_rect).toHaveLength(9);
    expect(calib.Tr_imu_to_velo?.[3]).toBe(-0.8086759);
    expect(calib.synthetic).toBeUndefined();
  });

  it('gives rect2velo · velo2rect = I', () => {
    const calib = parseKittiCalib(readSampleText('calib', '000001.txt'));
    expectClose(multiplyMat4(calib.rect2velo, calib.velo2rect), [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1], 1e-12);
  });

  for (const frame of FRAMES) {
    it(`formatKittiCalib reproduces calib/${frame}.txt byte for byte`, () => {
      const text = readSampleText('calib', `${frame}.txt`);
      expect(formatKittiCalib(parseKittiCalib(text))).toBe(text);
    });
  }
});

describe('parseKittiCalib robustness', () => {
  const real = readSampleText('calib', '000001.txt');
  const lines = real.split('\n').filter((l) => l !== '');

  it('parses by key, whatever the line order, with CRLF and extra spaces', () => {
    const shuffled = [...lines]
      .reverse()
      .map((l) => l.replace(/ /g, '  \t'))
      .join('\r\n');
    const a = parseKittiCalib(shuffled);
    const b = parseKittiCalib(real);
    expect(a).toEqual(b);
  });

  it('accepts the tracking aliases R_rect, Tr_velo_cam and Tr_imu_velo, with or without a colon', () => {
    const tracking = lines
      .map((l) =>
        l
          .replace(/^R0_rect:/, 'R_rect')
          .replace(/^Tr_velo_to_cam:/, 'Tr_velo_cam')
          .replace(/^Tr_imu_to_velo:/, 'Tr_imu_velo:'),
      )
      .join('\n');
    expect(parseKittiCalib(tracking)).toEqual(parseKittiCalib(real));
  });

  it('ignores unknown keys and works without the optional matrices', () => {
    const minimal = lines.filter((l) => /^(P2|R0_rect|Tr_velo_to_cam):/.test(l));
    const calib = parseKittiCalib(['calib_time: 09-Jan-2012 13:57:47', ...minimal].join('\n'));
    expect(calib.P0).toBeUndefined();
    expect(calib.Tr_imu_to_velo).toBeUndefined();
    expect(calib.velo2rect).toEqual(parseKittiCalib(real).velo2rect);
  });

  it('names a missing required key', () => {
    for (const key of ['P2', 'R0_rect', 'Tr_velo_to_cam']) {
      const text = lines.filter((l) => !l.startsWith(`${key}:`)).join('\n');
      const run = () => parseKittiCalib(text, { fileName: 'x.txt' });
      expect(run).toThrow(KittiError);
      expect(run).toThrow(`parseKittiCalib (x.txt): field "${key}": missing ${key}`);
    }
  });

  it('names key and line for a wrong value count', () => {
    const text = lines.map((l) => (l.startsWith('R0_rect:') ? l.replace(/ \S+$/, '') : l)).join('\n');
    const line = lines.findIndex((l) => l.startsWith('R0_rect:')) + 1;
    try {
      parseKittiCalib(text, { fileName: '000001.txt' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(KittiError);
      const err = e as KittiError;
      expect(err.message).toBe(`parseKittiCalib (000001.txt): line ${line}, field "R0_rect": expected 9 values, found 8`);
      expect(err.line).toBe(line);
      expect(err.field).toBe('R0_rect');
      expect(err.fileName).toBe('000001.txt');
    }
  });

  it('names key and line for a value that is not a number', () => {
    const text = lines.map((l) => (l.startsWith('P2:') ? l.replace('0.000000000000e+00', 'abc') : l)).join('\n');
    expect(() => parseKittiCalib(text)).toThrow('parseKittiCalib: line 3, field "P2": "abc" is not a number');
  });

  it('rejects a repeated key and a singular transform', () => {
    expect(() => parseKittiCalib([...lines, lines[2]].join('\n'))).toThrow(/field "P2": repeated key \(first on line 3\)/);
    const zero = lines.map((l) => (l.startsWith('R0_rect:') ? `R0_rect: ${'0 '.repeat(9).trim()}` : l)).join('\n');
    expect(() => parseKittiCalib(zero)).toThrow(/singular/);
  });

  it('throws only KittiError on odd input', () => {
    for (const text of ['', ':', 'P2:', 'P2', '\u0000', 'P2: 1 2 3 4 5 6 7 8 9 10 11 NaN', undefined as unknown as string]) {
      expect(() => parseKittiCalib(text)).toThrow(KittiError);
    }
  });
});

describe('formatKittiCalib and syntheticCalib', () => {
  it('writes missing P0/P1/P3 from P2 and a missing Tr_imu_to_velo as identity', () => {
    const text = formatKittiCalib(syntheticCalib());
    const out = text.split('\n');
    expect(out).toHaveLength(9);
    expect(out.slice(7)).toEqual(['', '']);
    expect(out.map((l) => l.split(':')[0]).slice(0, 7)).toEqual(['P0', 'P1', 'P2', 'P3', 'R0_rect', 'Tr_velo_to_cam', 'Tr_imu_to_velo']);
    expect(out[0].slice(4)).toBe(out[2].slice(4));
    expect(out[2]).toBe(
      'P2: 7.215377000000e+02 0.000000000000e+00 6.095593000000e+02 0.000000000000e+00 ' +
        '0.000000000000e+00 7.215377000000e+02 1.728540000000e+02 0.000000000000e+00 ' +
        '0.000000000000e+00 0.000000000000e+00 1.000000000000e+00 0.000000000000e+00',
    );
    expect(out[5]).toBe(
      'Tr_velo_to_cam: 0.000000000000e+00 -1.000000000000e+00 0.000000000000e+00 0.000000000000e+00 ' +
        '0.000000000000e+00 0.000000000000e+00 -1.000000000000e+00 0.000000000000e+00 ' +
        '1.000000000000e+00 0.000000000000e+00 0.000000000000e+00 0.000000000000e+00',
    );
    expect(parseKittiCalib(text).Tr_imu_to_velo).toEqual([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0]);
  });

  it('syntheticCalib is the §2.8.3 axis permutation', () => {
    const calib = syntheticCalib();
    expect(calib.synthetic).toBe(true);
    expect(calib.R0_rect).toEqual([1, 0, 0, 0, 1, 0, 0, 0, 1]);
    expect(calib.velo2rect).toEqual([0, -1, 0, 0, 0, 0, -1, 0, 1, 0, 0, 0, 0, 0, 0, 1]);
    expect(calib.rect2velo.map((v) => v + 0)).toEqual([0, 0, 1, 0, -1, 0, 0, 0, 0, -1, 0, 0, 0, 0, 0, 1]);
  });

  it('round-trips a calibration through text to %.12e precision', () => {
    const calib = createKittiCalib({
      P2: [700.123456789012, 0, 600.5, 45.25, 0, 700.1, 180.2, -0.35, 0, 0, 1, 0.005],
      R0_rect: [1, 0, 0, 0, 1, 0, 0, 0, 1],
      Tr_velo_to_cam: [0.0069, -0.99997, -0.0028, -0.0246, -0.0012, 0.0027, -0.99999, -0.061, 0.99997, 0.0069, -0.0011, -0.33],
    });
    const back = parseKittiCalib(formatKittiCalib(calib));
    expectClose(back.P2, calib.P2, 1e-9);
    expectClose(back.velo2rect, calib.velo2rect, 1e-12);
  });

  it('formatKittiCalib and createKittiCalib reject a wrong value count', () => {
    const calib = syntheticCalib();
    expect(() => formatKittiCalib({ ...calib, P2: [1, 2, 3] })).toThrow('formatKittiCalib: field "P2": expected 12 values');
    expect(() => createKittiCalib({ P2: calib.P2, R0_rect: [1], Tr_velo_to_cam: calib.Tr_velo_to_cam })).toThrow(KittiError);
  });
});
