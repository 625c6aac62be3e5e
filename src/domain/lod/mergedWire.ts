/**
 * The wire form of a merged multi-sweep cloud streamed by the server (`GET
 * /api/frames/:id/merged`): a sequence of messages, each an 8-byte header (u8 type, 3 bytes zero,
 * u32 body length, little-endian) and its body.
 *
 * - `head` (1) and `done` (4): UTF-8 JSON (`MergedHead`, `MergedDone`);
 * - `progress` (2): u32 sweeps read, u32 sweeps in all;
 * - `batch` (3): u32 start (points sent before it), u32 count, f32 scale, then count × 3 int16
 *   (x y z ÷ scale, metres in the open frame's LiDAR frame), count × int8 time (sweeps from the
 *   open frame), count × u8 rank (the point's place in its voxel, 255 for 255 and more). The scale is the batch's largest |coordinate| ÷ 32767 (at least 1 mm ÷ 2),
 *   so a point 250 m away is within 4 mm of where it was.
 * - `error` (5): UTF-8 JSON `{ message }`: the merge failed after the stream began.
 */

// Both exist in Node, browsers and workers alike; the domain's lib (ES2022) does not declare them.
declare const TextEncoder: new () => { encode(text: string): Uint8Array };
declare const TextDecoder: new () => { decode(bytes: Uint8Array): string };

export const WIRE_HEAD = 1;
export const WIRE_PROGRESS = 2;
export const WIRE_BATCH = 3;
export const WIRE_DONE = 4;
export const WIRE_ERROR = 5;

/** What the stream says before any point: the sweeps it merges, as offsets from the open frame. */
export interface MergedHead {
  /** Sweep offsets (frames from the open one; negative: earlier), the open frame first. */
  offsets: number[];
  budget: number;
}

/** What the stream says last. */
export interface MergedDone {
  /** Points merged in all, and how many of them were sent (the budget's share). */
  count: number;
  sent: number;
  /** Points that opened a voxel (the coarsest level). */
  coarse: number;
  /** Sweeps that could not be read, each naming its file and why. */
  skipped: string[];
  /** Server time: reading, moving and ranking the sweeps; the refinement order; until the first batch (ms). */
  gatherMs: number;
  orderMs: number;
  firstBatchMs: number;
  /** Whether the server answered from its cache of recent merges. */
  cached: boolean;
  /** The merge was under way (merged ahead) when it was asked for: the stream caught up with it and followed it. */
  joined?: boolean;
  /** The merge was stopped before it was complete (its request went away). */
  cancelled?: boolean;
}

/** One decoded batch: positions x y z (metres), time per point, rank per point. */
export interface WireBatch {
  start: number;
  positions: Float32Array;
  time: Float32Array;
  rank: Uint8Array;
}

export type WireMessage =
  | { type: 'head'; head: MergedHead }
  | { type: 'progress'; done: number; total: number }
  | { type: 'batch'; batch: WireBatch }
  | { type: 'done'; done: MergedDone }
  | { type: 'error'; message: string };

const HEADER = 8;
const MIN_SCALE = 0.0005;
/** A body larger than this is not a message of this stream (a batch of 20 M points). */
const MAX_BODY = 16 * 1024 * 1024 * 10;

function frame(type: number, body: Uint8Array): Uint8Array {
  const out = new Uint8Array(HEADER + body.length);
  const v = new DataView(out.buffer);
  v.setUint8(0, type);
  v.setUint32(4, body.length, true);
  out.set(body, HEADER);
  return out;
}

function json(type: number, value: unknown): Uint8Array {
  return frame(type, new TextEncoder().encode(JSON.stringify(value)));
}

export const encodeHead = (head: MergedHead): Uint8Array => json(WIRE_HEAD, head);
export const encodeDone = (done: MergedDone): Uint8Array => json(WIRE_DONE, done);
export const encodeError = (message: string): Uint8Array => json(WIRE_ERROR, { message });

export function encodeProgress(done: number, total: number): Uint8Array {
  const body = new Uint8Array(8);
  const v = new DataView(body.buffer);
  v.setUint32(0, done, true);
  v.setUint32(4, total, true);
  return frame(WIRE_PROGRESS, body);
}

/**
 * Encodes points `order[from … to − 1]` of the merge (x y z interleaved, time and rank per point)
 * as a batch that begins at point `start` of the stream.
 */
export function encodeBatch(
  start: number,
  positions: Float32Array,
  time: Float32Array,
  rank: (i: number) => number,
  order: Uint32Array,
  from: number,
  to: number,
): Uint8Array {
  const n = Math.max(0, to - from);
  let max = 0;
  for (let k = from; k < to; k++) {
    const o = order[k] * 3;
    const a = Math.max(Math.abs(positions[o]), Math.abs(positions[o + 1]), Math.abs(positions[o + 2]));
    if (a > max) max = a;
  }
  const scale = Math.max(MIN_SCALE, max / 32767);
  const inv = 1 / scale;
  const bodyLength = 12 + n * 8;
  const out = new Uint8Array(HEADER + bodyLength);
  const v = new DataView(out.buffer);
  v.setUint8(0, WIRE_BATCH);
  v.setUint32(4, bodyLength, true);
  v.setUint32(HEADER, start, true);
  v.setUint32(HEADER + 4, n, true);
  v.setFloat32(HEADER + 8, scale, true);
  // Written in place (the body starts at an even offset): no arrays of their own to copy in.
  const body = HEADER + 12;
  const xyz = new Int16Array(out.buffer, body, n * 3);
  const t = new Int8Array(out.buffer, body + n * 6, n);
  const r = new Uint8Array(out.buffer, body + n * 7, n);
  for (let k = 0; k < n; k++) {
    const i = order[from + k];
    const o = i * 3;
    xyz[k * 3] = Math.round(positions[o] * inv);
    xyz[k * 3 + 1] = Math.round(positions[o + 1] * inv);
    xyz[k * 3 + 2] = Math.round(positions[o + 2] * inv);
    const ti = Math.round(time[i]);
    t[k] = ti < -128 ? -128 : ti > 127 ? 127 : ti;
    const ri = rank(i);
    r[k] = ri > 255 ? 255 : ri;
  }
  return out;
}

function decodeBatch(body: Uint8Array): WireBatch {
  const v = new DataView(body.buffer, body.byteOffset, body.byteLength);
  if (body.length < 12) throw new Error(`merged stream: a batch of ${body.length} bytes is shorter than its 12-byte header`);
  const start = v.getUint32(0, true);
  const n = v.getUint32(4, true);
  const scale = v.getFloat32(8, true);
  if (body.length < 12 + n * 8) throw new Error(`merged stream: a batch of ${n} points needs ${12 + n * 8} bytes, got ${body.length}`);
  // Copied out first: the body may not sit on a 2-byte boundary of its buffer (little-endian, as every browser and Node is).
  const xyz = new Int16Array(body.slice(12, 12 + n * 6).buffer);
  const positions = new Float32Array(n * 3);
  for (let k = 0; k < n * 3; k++) positions[k] = xyz[k] * scale;
  const t = new Int8Array(body.buffer, body.byteOffset + 12 + n * 6, n);
  const time = new Float32Array(n);
  for (let k = 0; k < n; k++) time[k] = t[k];
  const rank = body.slice(12 + n * 7, 12 + n * 8);
  return { start, positions, time, rank };
}

/**
 * Decodes a merged stream fed in arbitrary pieces (as the network delivers it): `push` returns the
 * messages completed by the piece. Throws `merged stream: ...` naming the byte offset for a
 * message of unknown type or an impossible length.
 */
export class MergedStreamDecoder {
  /** Pieces received and not yet decoded (the first from `head` on), and their bytes in all. */
  private pieces: Uint8Array[] = [];
  private head = 0;
  private held = 0;
  private offset = 0;

  push(piece: Uint8Array): WireMessage[] {
    if (piece.length > 0) {
      this.pieces.push(piece);
      this.held += piece.length;
    }
    const out: WireMessage[] = [];
    while (this.held >= HEADER) {
      const header = this.peek(HEADER);
      const v = new DataView(header.buffer, header.byteOffset, HEADER);
      const type = v.getUint8(0);
      const length = v.getUint32(4, true);
      if (type < WIRE_HEAD || type > WIRE_ERROR || length > MAX_BODY) {
        throw new Error(`merged stream: byte ${this.offset}: not a message (type ${type}, length ${length})`);
      }
      if (this.held < HEADER + length) break;
      const whole = this.take(HEADER + length);
      out.push(this.message(type, whole.subarray(HEADER), this.offset));
      this.offset += HEADER + length;
    }
    return out;
  }

  /** The next `n` bytes without consuming them (a copy only when they span pieces). */
  private peek(n: number): Uint8Array {
    const first = this.pieces[0];
    if (first.length - this.head >= n) return first.subarray(this.head, this.head + n);
    const out = new Uint8Array(n);
    let k = 0;
    for (let i = 0, at = this.head; k < n; i++, at = 0) {
      const p = this.pieces[i];
      const m = Math.min(n - k, p.length - at);
      out.set(p.subarray(at, at + m), k);
      k += m;
    }
    return out;
  }

  /** Consumes the next `n` bytes (held: `n` ≤ `held`). */
  private take(n: number): Uint8Array {
    const out = this.peek(n);
    this.held -= n;
    let left = n;
    while (left > 0) {
      const avail = this.pieces[0].length - this.head;
      if (avail > left) {
        this.head += left;
        left = 0;
      } else {
        left -= avail;
        this.pieces.shift();
        this.head = 0;
      }
    }
    return out;
  }

  /** Bytes received that do not yet make a whole message (a stream that ends with some was cut). */
  get pending(): number {
    return this.held;
  }

  private message(type: number, body: Uint8Array, at: number): WireMessage {
    try {
      if (type === WIRE_BATCH) return { type: 'batch', batch: decodeBatch(body) };
      if (type === WIRE_PROGRESS) {
        const v = new DataView(body.buffer, body.byteOffset, body.byteLength);
        return { type: 'progress', done: v.getUint32(0, true), total: v.getUint32(4, true) };
      }
      const value = JSON.parse(new TextDecoder().decode(body)) as unknown;
      if (type === WIRE_HEAD) return { type: 'head', head: value as MergedHead };
      if (type === WIRE_DONE) return { type: 'done', done: value as MergedDone };
      return { type: 'error', message: String((value as { message?: unknown }).message) };
    } catch (err) {
      throw new Error(`merged stream: byte ${at}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
}
