/**
 * The arithmetic decoder, adaptive models and integer decompressor of LASzip, as far as the LAZ
 * chunk table needs them (the table's chunk sizes and counts are written with
 * `IntegerCompressor(32 bits, 2 contexts)`). The point data itself is decoded by laz-perf. The
 * constants and update rules follow LASzip's arithmetic coder (Amir Said's FastAC design).
 */

const AC_MIN_LENGTH = 0x01000000;
const BM_LENGTH_SHIFT = 13;
const BM_MAX_COUNT = 1 << BM_LENGTH_SHIFT;
const DM_LENGTH_SHIFT = 15;
const DM_MAX_COUNT = 1 << DM_LENGTH_SHIFT;

/** Thrown when the coded bytes run past their end; the caller turns it into a PointFileError. */
export class LazStreamEnd extends Error {}

export class BitModel {
  bit0Count = 1;
  bitCount = 2;
  bit0Prob = 1 << (BM_LENGTH_SHIFT - 1);
  updateCycle = 4;
  bitsUntilUpdate = 4;

  update(): void {
    if ((this.bitCount += this.updateCycle) > BM_MAX_COUNT) {
      this.bitCount = (this.bitCount + 1) >>> 1;
      this.bit0Count = (this.bit0Count + 1) >>> 1;
      if (this.bit0Count === this.bitCount) ++this.bitCount;
    }
    const scale = Math.floor(0x80000000 / this.bitCount);
    this.bit0Prob = Math.floor((this.bit0Count * scale) / 2 ** (31 - BM_LENGTH_SHIFT));
    this.updateCycle = (5 * this.updateCycle) >>> 2;
    if (this.updateCycle > 64) this.updateCycle = 64;
    this.bitsUntilUpdate = this.updateCycle;
  }
}

export class SymbolModel {
  readonly symbols: number;
  readonly distribution: Uint32Array;
  readonly symbolCount: Uint32Array;
  readonly decoderTable: Uint32Array | null;
  readonly tableShift: number;
  readonly tableSize: number;
  readonly lastSymbol: number;
  totalCount = 0;
  updateCycle: number;
  symbolsUntilUpdate = 0;

  constructor(symbols: number) {
    this.symbols = symbols;
    this.lastSymbol = symbols - 1;
    if (symbols > 16) {
      let tableBits = 3;
      while (symbols > 1 << (tableBits + 2)) ++tableBits;
      this.tableSize = 1 << tableBits;
      this.tableShift = DM_LENGTH_SHIFT - tableBits;
      this.decoderTable = new Uint32Array(this.tableSize + 2);
    } else {
      this.tableSize = 0;
      this.tableShift = 0;
      this.decoderTable = null;
    }
    this.distribution = new Uint32Array(symbols);
    this.symbolCount = new Uint32Array(symbols).fill(1);
    this.updateCycle = symbols;
    this.update();
    this.symbolsUntilUpdate = this.updateCycle = (symbols + 6) >>> 1;
  }

  update(): void {
    if ((this.totalCount += this.updateCycle) > DM_MAX_COUNT) {
      this.totalCount = 0;
      for (let n = 0; n < this.symbols; n++) this.totalCount += this.symbolCount[n] = (this.symbolCount[n] + 1) >>> 1;
    }
    let sum = 0;
    let s = 0;
    const scale = Math.floor(0x80000000 / this.totalCount);
    const table = this.decoderTable;
    for (let k = 0; k < this.symbols; k++) {
      this.distribution[k] = Math.floor((scale * sum) / 2 ** (31 - DM_LENGTH_SHIFT));
      sum += this.symbolCount[k];
      if (table !== null) {
        const w = this.distribution[k] >>> this.tableShift;
        while (s < w) table[++s] = k - 1;
      }
    }
    if (table !== null) {
      table[0] = 0;
      while (s <= this.tableSize) table[++s] = this.symbols - 1;
    }
    this.updateCycle = (5 * this.updateCycle) >>> 2;
    const maxCycle = (this.symbols + 6) << 3;
    if (this.updateCycle > maxCycle) this.updateCycle = maxCycle;
    this.symbolsUntilUpdate = this.updateCycle;
  }
}

/** LASzip's arithmetic decoder over `bytes[start, end)`. */
export class ArithmeticDecoder {
  private value = 0;
  private length = 0xffffffff;
  at: number;

  constructor(
    private readonly bytes: Uint8Array,
    start: number,
    private readonly end: number,
  ) {
    this.at = start;
    for (let i = 0; i < 4; i++) this.value = (this.value * 256 + this.byte()) >>> 0;
  }

  private byte(): number {
    if (this.at >= this.end) throw new LazStreamEnd(`coded data runs past byte offset ${this.end}`);
    return this.bytes[this.at++];
  }

  private renorm(): void {
    do {
      this.value = ((this.value << 8) | this.byte()) >>> 0;
      this.length = (this.length * 256) >>> 0;
    } while (this.length < AC_MIN_LENGTH);
  }

  decodeBit(m: BitModel): number {
    const x = m.bit0Prob * (this.length >>> BM_LENGTH_SHIFT);
    const sym = this.value >= x ? 1 : 0;
    if (sym === 0) {
      this.length = x;
      ++m.bit0Count;
    } else {
      this.value -= x;
      this.length -= x;
    }
    if (this.length < AC_MIN_LENGTH) this.renorm();
    if (--m.bitsUntilUpdate === 0) m.update();
    return sym;
  }

  decodeSymbol(m: SymbolModel): number {
    let n: number;
    let sym: number;
    let x: number;
    let y = this.length;
    const dist = m.distribution;
    if (m.decoderTable !== null) {
      const length = (this.length >>>= DM_LENGTH_SHIFT);
      const dv = Math.floor(this.value / length);
      const t = dv >>> m.tableShift;
      sym = m.decoderTable[t];
      n = m.decoderTable[t + 1] + 1;
      while (n > sym + 1) {
        const k = (sym + n) >>> 1;
        if (dist[k] > dv) n = k;
        else sym = k;
      }
      x = dist[sym] * length;
      if (sym !== m.lastSymbol) y = dist[sym + 1] * length;
    } else {
      x = sym = 0;
      const length = (this.length >>>= DM_LENGTH_SHIFT);
      n = m.symbols;
      let k = n >>> 1;
      do {
        const z = length * dist[k];
        if (z > this.value) {
          n = k;
          y = z;
        } else {
          sym = k;
          x = z;
        }
      } while ((k = (sym + n) >>> 1) !== sym);
    }
    this.value -= x;
    this.length = y - x;
    if (this.length < AC_MIN_LENGTH) this.renorm();
    ++m.symbolCount[sym];
    if (--m.symbolsUntilUpdate === 0) m.update();
    return sym;
  }

  /** `bits` raw bits (at most 32). */
  readBits(bits: number): number {
    if (bits > 19) {
      const low = this.readShort();
      const high = this.readBits(bits - 16);
      return (high * 65536 + low) >>> 0;
    }
    const length = (this.length = this.length >>> bits);
    const sym = Math.floor(this.value / length);
    this.value -= length * sym;
    if (this.length < AC_MIN_LENGTH) this.renorm();
    return sym;
  }

  private readShort(): number {
    const length = (this.length = this.length >>> 16);
    const sym = Math.floor(this.value / length);
    this.value -= length * sym;
    if (this.length < AC_MIN_LENGTH) this.renorm();
    return sym;
  }
}

/** LASzip's `IntegerCompressor` for 32-bit values (corrector range unlimited), decoding side. */
export class IntegerDecompressor {
  private readonly bitsModels: SymbolModel[];
  private readonly corrector0 = new BitModel();
  private readonly correctors: SymbolModel[] = [];
  private static readonly BITS_HIGH = 8;

  constructor(
    private readonly dec: ArithmeticDecoder,
    contexts: number,
  ) {
    this.bitsModels = Array.from({ length: contexts }, () => new SymbolModel(33));
    for (let i = 1; i <= 32; i++) this.correctors[i] = new SymbolModel(1 << Math.min(i, IntegerDecompressor.BITS_HIGH));
  }

  /** The value predicted as `pred` in `context`, with its coded correction (32-bit wrap-around). */
  decompress(pred: number, context: number): number {
    return (pred + this.readCorrector(this.bitsModels[context])) | 0;
  }

  private readCorrector(model: SymbolModel): number {
    const k = this.dec.decodeSymbol(model);
    if (k === 0) return this.dec.decodeBit(this.corrector0);
    if (k >= 32) return -0x80000000;
    let c: number;
    if (k <= IntegerDecompressor.BITS_HIGH) {
      c = this.dec.decodeSymbol(this.correctors[k]);
    } else {
      const k1 = k - IntegerDecompressor.BITS_HIGH;
      c = this.dec.decodeSymbol(this.correctors[k]);
      c = c * 2 ** k1 + this.dec.readBits(k1);
    }
    return c >= 2 ** (k - 1) ? c + 1 : c - (2 ** k - 1);
  }
}
