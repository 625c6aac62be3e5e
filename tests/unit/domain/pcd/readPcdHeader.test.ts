import { describe, expect, it } from 'vitest';
import { PcdError } from '../../../../src/domain/pcd/PcdError.ts';
import { readPcdHeader, tryReadPcdHeader } from '../../../../src/domain/pcd/readPcdHeader.ts';
import { makePcd, makePcdHeader } from '../../../helpers/makePcd.ts';

const bytes = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'latin1'));
const BASE = { fields: ['x', 'y', 'z', 'intensity'], data: 'ascii', rows: [[1, 2, 3, 4]] };

function headerError(text: string, code: string, fileName?: string): PcdError {
  try {
    readPcdHeader(bytes(text), { fileName });
  } catch (e) {
    expect(e).toBeInstanceOf(PcdError);
    expect((e as PcdError).code).toBe(code);
    return e as PcdError;
  }
  throw new Error(`expected PcdError ${code}`);
}

describe('readPcdHeader: layout', () => {
  it('reads the §3.2 header: fields, offsets, point step, body offset', () => {
    const h = readPcdHeader(makePcd({ ...BASE, data: 'binary' }));
    expect(h.version).toBe('0.7');
    expect(h.fields.map((f) => [f.name, f.size, f.type, f.count, f.offset])).toEqual([
      ['x', 4, 'F', 1, 0],
      ['y', 4, 'F', 1, 4],
      ['z', 4, 'F', 1, 8],
      ['intensity', 4, 'F', 1, 12],
    ]);
    expect(h.pointStep).toBe(16);
    expect(h.bodyOffset).toBe(180);
    expect([h.width, h.height, h.points, h.data]).toEqual([1, 1, 1, 'binary']);
    expect(h.viewpoint).toEqual([0, 0, 0, 1, 0, 0, 0]);
    expect(h.warnings).toEqual([]);
  });

  it('counts COUNT and _ padding in offsets and point step (mixed sizes)', () => {
    const h = readPcdHeader(
      makePcd({
        fields: ['v', 'x', '_', 'ring', 't'],
        sizes: [1, 4, 1, 2, 8],
        types: ['U', 'F', 'U', 'U', 'F'],
        counts: [3, 1, 2, 1, 1],
        data: 'binary',
        rows: [],
      }),
    );
    expect(h.fields.map((f) => f.offset)).toEqual([0, 3, 7, 9, 11]);
    expect(h.pointStep).toBe(19);
  });

  it('keeps VERSION as written and reads the VIEWPOINT', () => {
    const h = readPcdHeader(makePcd({ ...BASE, version: '.7', viewpoint: [1, 2, 3, 0, 1, 0, 0] }));
    expect(h.version).toBe('.7');
    expect(h.viewpoint).toEqual([1, 2, 3, 0, 1, 0, 0]);
    expect(readPcdHeader(makePcd({ ...BASE, version: '.5' })).version).toBe('.5');
    expect(readPcdHeader(makePcd({ ...BASE, version: '0.6' })).version).toBe('0.6');
  });

  it('organized clouds: WIDTH × HEIGHT', () => {
    const h = readPcdHeader(makePcd({ ...BASE, rows: [], width: 640, height: 480 }));
    expect([h.width, h.height, h.points]).toEqual([640, 480, 307200]);
  });
});

describe('readPcdHeader: lenient syntax', () => {
  it('accepts lower-case keywords and DATA value, CRLF and leading blanks', () => {
    const text = makePcdHeader({ ...BASE, data: 'ASCII', eol: '\r\n' })
      .split('\r\n')
      .map((l) => (l === '' || l.startsWith('#') ? l : `  \t${l.toLowerCase().replace('intensity', 'Intensity')}`))
      .join('\r\n');
    const h = readPcdHeader(bytes(text));
    expect(h.data).toBe('ascii');
    expect(h.fields.map((f) => f.name)).toEqual(['x', 'y', 'z', 'Intensity']);
    expect(h.bodyOffset).toBe(text.length);
  });

  it('accepts comment lines anywhere and ends a line at a # token', () => {
    const text =
      '# first\nVERSION 0.7\nFIELDS x y # trailing names are comments\n# in the middle\nSIZE 4 4\nTYPE F F\nWIDTH 3 # note\nPOINTS 3\nDATA binary # comment\n';
    const h = readPcdHeader(bytes(text));
    expect(h.fields.map((f) => f.name)).toEqual(['x', 'y']);
    expect(h.points).toBe(3);
    expect(h.bodyOffset).toBe(text.length);
  });

  it('accepts COLUMNS for FIELDS and any keyword order', () => {
    const h = readPcdHeader(bytes('POINTS 2\nTYPE U F\nCOUNT 1 1\nSIZE 2 4\nCOLUMNS ring x\nDATA binary\n'));
    expect(h.fields.map((f) => `${f.name}:${f.type}${f.size}`)).toEqual(['ring:U2', 'x:F4']);
    expect([h.width, h.height]).toEqual([2, 1]);
  });

  it('applies defaults SIZE 4, TYPE F, COUNT 1 with warnings', () => {
    const h = readPcdHeader(bytes('FIELDS x y z\nWIDTH 2\nHEIGHT 1\nPOINTS 2\nDATA binary\n'));
    expect(h.fields.every((f) => f.size === 4 && f.type === 'F' && f.count === 1)).toBe(true);
    expect(h.pointStep).toBe(12);
    expect(h.warnings.join('\n')).toMatch(/SIZE missing[\s\S]*TYPE missing/);
  });

  it('derives POINTS from WIDTH × HEIGHT and WIDTH from POINTS', () => {
    const a = readPcdHeader(bytes('FIELDS x\nWIDTH 4\nHEIGHT 2\nDATA ascii\n'));
    expect(a.points).toBe(8);
    expect(a.warnings[a.warnings.length - 1]).toContain('POINTS missing');
    const b = readPcdHeader(bytes('FIELDS x\nPOINTS 5\nDATA ascii\n'));
    expect([b.width, b.height, b.points]).toEqual([5, 1, 5]);
    expect(b.warnings.join()).toContain('WIDTH/HEIGHT missing');
    const c = readPcdHeader(bytes('FIELDS x\nHEIGHT 2\nPOINTS 6\nDATA ascii\n'));
    expect([c.width, c.height]).toEqual([3, 2]);
  });

  it('accepts a DATA line ended by the end of input, and a UTF-8 BOM', () => {
    const h = readPcdHeader(bytes('\xef\xbb\xbfFIELDS x\nPOINTS 0\nDATA ascii'));
    expect(h.bodyOffset).toBe(31);
    expect(h.points).toBe(0);
  });

  it('refuses COUNT 0 (a binary body holding the field would be misread), naming field and line', () => {
    const e = headerError('FIELDS x y z intensity\nCOUNT 1 1 1 0\nPOINTS 1\nDATA binary\n', 'bad-header-value', 'zero.pcd');
    expect(e.message).toMatch(/zero\.pcd.*line 2.*field intensity has COUNT 0/);
    expect(e.field).toBe('intensity');
    headerError('FIELDS x y z\nCOUNT 1 one 1\nPOINTS 1\nDATA binary\n', 'bad-header-value');
  });

  it('says which of x, y, z are missing (their positions are 0)', () => {
    expect(readPcdHeader(bytes('FIELDS intensity\nPOINTS 1\nDATA ascii\n')).warnings).toContain('no x, y, z fields: positions x, y, z = 0');
    expect(readPcdHeader(bytes('FIELDS x y i\nPOINTS 1\nDATA ascii\n')).warnings).toContain('no z field: position z = 0');
    expect(readPcdHeader(bytes('FIELDS x y z\nPOINTS 1\nDATA ascii\n')).warnings.filter((w) => w.startsWith('no '))).toEqual([]);
  });

  it('renames repeated field names, with warnings', () => {
    const h = readPcdHeader(bytes('FIELDS x y z a a _ _\nSIZE 4 4 4 4 4 1 1\nTYPE F F F F F U U\nPOINTS 1\nDATA binary\n'));
    expect(h.fields.map((f) => f.name)).toEqual(['x', 'y', 'z', 'a', 'a_2', '_', '_']);
    expect(h.pointStep).toBe(22);
    const r = readPcdHeader(bytes('FIELDS x a a\nPOINTS 1\nDATA binary\n'));
    expect(r.fields.map((f) => f.name)).toEqual(['x', 'a', 'a_2']);
    expect(r.warnings.join()).toContain('stored as a_2');
  });

  it('warns about unknown keywords and repeated keywords', () => {
    const h = readPcdHeader(bytes('FIELDS x\nFOO bar\nPOINTS 1\nPOINTS 1\nDATA ascii\n'));
    expect(h.warnings.join('\n')).toMatch(/unknown keyword "FOO"[\s\S]*POINTS repeated/);
  });
});

describe('readPcdHeader: errors', () => {
  it('missing DATA line', () => {
    const e = headerError('FIELDS x\nPOINTS 1\n', 'missing-data-line', 'scan.pcd');
    expect(e.message).toMatch(/^readPcdHeader \(scan\.pcd\): no DATA line/);
    expect(e.fileName).toBe('scan.pcd');
    headerError('', 'missing-data-line');
  });

  it('missing FIELDS', () => {
    headerError('POINTS 1\nDATA ascii\n', 'missing-fields');
    headerError('FIELDS\nPOINTS 1\nDATA ascii\n', 'missing-fields');
  });

  it('unknown TYPE/SIZE pair names line, keyword and field', () => {
    const e = headerError('VERSION 0.7\nFIELDS x intensity\nSIZE 4 2\nCOUNT 1 1\nTYPE F F\nPOINTS 1\nDATA binary\n', 'unknown-type', 'scan.pcd');
    expect(e.message).toBe('readPcdHeader (scan.pcd): header line 5 (TYPE): unknown TYPE "F" SIZE 2 for field intensity');
    expect(e.line).toBe(5);
    expect(e.field).toBe('intensity');
    headerError('FIELDS x\nTYPE X\nPOINTS 1\nDATA binary\n', 'unknown-type');
    headerError('FIELDS x\nSIZE 3\nTYPE U\nPOINTS 1\nDATA binary\n', 'unknown-type');
    headerError('FIELDS x\nSIZE 2\nTYPE B\nPOINTS 1\nDATA binary\n', 'unknown-type');
  });

  it('list lengths must match FIELDS', () => {
    const e = headerError('FIELDS x y z\nSIZE 4 4\nPOINTS 1\nDATA binary\n', 'list-length-mismatch');
    expect([e.line, e.expected, e.actual]).toEqual([2, 3, 2]);
    headerError('FIELDS x y\nTYPE F F F\nPOINTS 1\nDATA binary\n', 'list-length-mismatch');
    headerError('FIELDS x y\nCOUNT 1\nPOINTS 1\nDATA binary\n', 'list-length-mismatch');
  });

  it('POINTS must equal WIDTH × HEIGHT', () => {
    const e = headerError('FIELDS x\nWIDTH 3\nHEIGHT 1\nPOINTS 2\nDATA ascii\n', 'points-mismatch');
    expect(e.message).toContain('POINTS 2 does not equal WIDTH × HEIGHT = 3 × 1 = 3');
    expect([e.expected, e.actual]).toEqual([3, 2]);
    headerError('FIELDS x\nHEIGHT 2\nPOINTS 3\nDATA ascii\n', 'points-mismatch');
  });

  it('needs POINTS or WIDTH', () => {
    headerError('FIELDS x\nHEIGHT 2\nDATA ascii\n', 'missing-points');
  });

  it('rejects negative, fractional, NaN and non-numeric values', () => {
    for (const bad of ['WIDTH -1', 'WIDTH 1.5', 'WIDTH NaN', 'POINTS abc', 'HEIGHT', 'SIZE four', 'COUNT -2', 'POINTS 1e3']) {
      const e = headerError(`FIELDS x\n${bad}\nDATA ascii\n`, 'bad-header-value');
      expect(e.line).toBe(2);
    }
  });

  it('rejects a VIEWPOINT that is not 7 numbers', () => {
    headerError('FIELDS x\nPOINTS 1\nVIEWPOINT 0 0 0 1 0 0\nDATA ascii\n', 'bad-header-value');
    headerError('FIELDS x\nPOINTS 1\nVIEWPOINT 0 0 0 1 0 0 x\nDATA ascii\n', 'bad-header-value');
  });

  it('rejects unknown DATA formats', () => {
    const e = headerError('FIELDS x\nPOINTS 1\nDATA binary_lzma\n', 'unknown-data-format');
    expect(e.message).toContain('"binary_lzma"');
    headerError('FIELDS x\nPOINTS 1\nDATA\n', 'unknown-data-format');
  });

  it('rejects absurd POINTS with too-large instead of attempting the allocation', () => {
    const e = headerError('FIELDS x y z\nPOINTS 99999999999999\nDATA binary\n', 'too-large');
    expect(e.message).toContain('99,999,999,999,999 points');
    headerError('FIELDS x\nWIDTH 100000\nHEIGHT 100000\nDATA binary\n', 'too-large');
  });

  it('rejects binary garbage (NUL bytes) as not a header', () => {
    headerError('\x00\x01\x02\nDATA ascii\n', 'bad-header-value');
  });

  it('says the DATA line is missing when the binary body follows the header lines', () => {
    const e = headerError('VERSION 0.7\nFIELDS x\nSIZE 4\nTYPE F\nPOINTS 1\n\x00\x00\x80\x3f\n', 'missing-data-line');
    expect(e.message).toContain('no DATA line: the header ends at line 5, and line 6 holds binary data');
  });

  it('a missing TYPE line is named, not a wrong TYPE on the SIZE line', () => {
    const e = headerError('FIELDS x ring\nSIZE 4 2\nPOINTS 1\nDATA binary\n', 'unknown-type');
    expect(e.message).toContain('no TYPE line, so field ring is read as F (float), which cannot be 2 bytes (F is 4 or 8): add the TYPE line');
  });

  it('gives up on a header without DATA after 1 MiB', () => {
    const junk = new Uint8Array((1 << 20) + 10).fill(0x41);
    expect(() => readPcdHeader(junk)).toThrow(/no DATA line in the first 1,048,576 bytes/);
    expect(() => tryReadPcdHeader(junk)).toThrow(PcdError);
  });
});

describe('tryReadPcdHeader (streaming)', () => {
  const full = makePcd({ ...BASE, data: 'binary' });

  it('returns null until the LF after DATA has arrived, then the header', () => {
    for (let n = 0; n < 180; n++) expect(tryReadPcdHeader(full.subarray(0, n))).toBeNull();
    expect(tryReadPcdHeader(full.subarray(0, 180))?.bodyOffset).toBe(180);
  });

  it('throws as soon as a complete line is already wrong', () => {
    const partial = bytes('FIELDS x y\nSIZE 4 4\nTYPE F Q\nWIDTH');
    expect(() => tryReadPcdHeader(partial)).toThrow(PcdError);
    expect(() => tryReadPcdHeader(bytes('FIELDS x\nWIDTH -3\n'))).toThrow(/header line 2 \(WIDTH\)/);
  });

  it('names itself in messages', () => {
    expect(() => tryReadPcdHeader(bytes('FIELDS x\nPOINTS 2\nWIDTH 3\nDATA ascii\n'), { fileName: 'a.pcd' })).toThrow(/^tryReadPcdHeader \(a\.pcd\): /);
  });
});
