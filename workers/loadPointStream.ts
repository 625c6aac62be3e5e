import { PcdStreamParser } from '../src/domain/pcd/PcdStreamParser.ts';
import { VelodyneStreamParser } from '../src/domain/pointcloud/VelodyneStreamParser.ts';
import { toRenderBatch } from '../src/domain/pointcloud/toRenderBatch.ts';
import type { RenderBatch } from '../src/domain/pointcloud/toRenderBatch.ts';
import type { AttributeArray, PointCloud } from '../src/domain/types.ts';
import { robustRanges } from '../src/domain/pointcloud/robustRanges.ts';
import { robustBounds } from '../src/domain/pointcloud/robustBounds.ts';
import { BIN_LAYOUTS } from '../src/domain/pointcloud/binLayouts.ts';
import { binLayoutOfResponse } from './binLayoutOfResponse.ts';
import type { CloudBounds } from '../src/domain/pointcloud/robustBounds.ts';
import type { PointFileKind } from '../src/domain/pointcloud/pointFileKind.ts';
import { WholeFileParser } from './parseWholeFile.ts';

export interface FieldInfo {
  name: string;
  type: string;
  count: number;
}

export type LoadEvent =
  | { type: 'header'; totalPoints: number; bytesTotal: number; fields: FieldInfo[]; notice?: string }
  | { type: 'batch'; batch: RenderBatch; pointsParsed: number; bytesLoaded: number; bytesTotal: number };

export interface LoadSummary {
  frameId: string;
  /** Points in the file, NaN ones included. */
  count: number;
  /** Finite points, i.e. points in the render buffer. */
  renderCount: number;
  bytes: number;
  fields: FieldInfo[];
  /** A note for the user about how the file was read (a `.bin` layout picked by detection), or null. */
  notice: string | null;
  /** Min and max of every scalar attribute (and of z and range), for colour legends. */
  ranges: Record<string, [number, number]>;
  /** Where most points lie (1%–99% per axis), for framing the cloud; null without finite points. */
  bounds: CloudBounds | null;
  /** Number of batch events sent: the caller waits for all of them (they travel on another port). */
  batches: number;
  /** Milliseconds from request to first batch, and to the end. */
  firstBatchMs: number;
  totalMs: number;
}

interface Parser {
  push(chunk: Uint8Array): { start: number; count: number; positions: Float32Array; attributes: Record<string, AttributeArray> }[];
  end(): PointCloud | Promise<PointCloud>;
}

/**
 * Streams `url` and parses it chunk by chunk. Each completed run of points becomes a render batch
 * (finite points only) passed to `emit`; returns the summary and the whole parsed cloud.
 */
export async function loadPointStream(
  url: string,
  kind: PointFileKind,
  frameId: string,
  emit: (event: LoadEvent) => void,
): Promise<{ summary: LoadSummary; cloud: PointCloud }> {
  const t0 = performance.now();
  const response = await fetch(url);
  if (!response.ok || !response.body) {
    let detail = `${response.status} ${response.statusText}`;
    try {
      const body = (await response.json()) as { error?: string; detail?: string };
      detail = [body.error, body.detail].filter(Boolean).join(': ') || detail;
    } catch {
      // not JSON: keep the status line
    }
    throw new Error(`Could not load points of frame ${frameId}: ${detail}`);
  }
  const bytesTotal = Number(response.headers.get('content-length') ?? 0);
  const fileName = `${frameId}.${kind}`;
  // PLY, LAS and LAZ are parsed once complete (their batches follow at the end).
  const whole = kind === 'ply' || kind === 'las' || kind === 'laz' ? new WholeFileParser(kind, fileName, bytesTotal) : null;
  const pcd = kind === 'pcd' ? new PcdStreamParser({ fileName }) : null;
  const bin = kind === 'bin' ? binLayoutOfResponse(response) : null;
  const notice = bin?.note ?? null;
  const parser: Parser = whole ?? pcd ?? new VelodyneStreamParser({ fileName, expectedBytes: bytesTotal, layout: bin?.layout ?? 'xyzi' });
  let headerSent = false;
  let renderCount = 0;
  let bytesLoaded = 0;
  let pointsParsed = 0;
  let firstBatchMs = -1;
  let batchCount = 0;
  const ranges: Record<string, [number, number]> = {};
  let fields: FieldInfo[] = [];
  let parsed: PointCloud | null = null;

  const sendHeader = (): void => {
    if (headerSent) return;
    if (whole) {
      const c = parsed;
      if (c === null) return;
      fields = Object.entries(c.attributes).map(([name, a]) => ({ name, type: attributeType(a), count: a.length / Math.max(c.count, 1) }));
      fields.unshift(...['x', 'y', 'z'].map((name) => ({ name, type: 'F4', count: 1 })));
      emit({ type: 'header', totalPoints: c.count, bytesTotal, fields });
    } else if (pcd) {
      const h = pcd.header;
      if (!h) return;
      fields = h.fields.filter((f) => f.name !== '_').map((f) => ({ name: f.name, type: `${f.type}${f.size}`, count: f.count }));
      emit({ type: 'header', totalPoints: h.points, bytesTotal, fields });
    } else {
      const layout = BIN_LAYOUTS[bin?.layout ?? 'xyzi'];
      fields = ['x', 'y', 'z', ...layout.attributes].map((name) => ({ name, type: name === 'ring' ? 'U2' : 'F4', count: 1 }));
      emit({ type: 'header', totalPoints: Math.floor(bytesTotal / layout.bytes), bytesTotal, fields, ...(notice !== null ? { notice } : {}) });
    }
    headerSent = true;
  };

  const emitBatches = (batches: ReturnType<Parser['push']>): void => {
    for (const b of batches) {
      const rb = toRenderBatch(b.positions, b.attributes, b.count, renderCount);
      renderCount += rb.count;
      pointsParsed = b.start + b.count;
      trackRanges(rb, ranges);
      if (firstBatchMs < 0) firstBatchMs = performance.now() - t0;
      batchCount++;
      emit({ type: 'batch', batch: rb, pointsParsed, bytesLoaded, bytesTotal });
    }
  };

  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytesLoaded += value.length;
    const batches = parser.push(value);
    sendHeader();
    emitBatches(batches);
  }
  const cloud = await parser.end();
  parsed = cloud;
  sendHeader();
  if (whole !== null) emitBatches(whole.pending());
  // An ascii PCD whose last line has no LF completes that point only at the end.
  if (pcd !== null) emitBatches(pcd.pending());
  const summary: LoadSummary = {
    frameId,
    count: cloud.count,
    renderCount,
    bytes: bytesLoaded,
    fields,
    notice: whole?.notice ?? notice,
    ranges: { ...ranges, ...robustRanges(cloud) },
    bounds: robustBounds(cloud),
    batches: batchCount,
    firstBatchMs: Math.max(firstBatchMs, 0),
    totalMs: performance.now() - t0,
  };
  return { summary, cloud };
}

/** `U2`, `F8`, ... of an attribute array, as a PCD TYPE letter and size. */
function attributeType(a: AttributeArray): string {
  const letter =
    a instanceof Float32Array || a instanceof Float64Array
      ? 'F'
      : a instanceof Int8Array || a instanceof Int16Array || a instanceof Int32Array || a instanceof BigInt64Array
        ? 'I'
        : 'U';
  return `${letter}${a.BYTES_PER_ELEMENT}`;
}

function trackRanges(rb: RenderBatch, ranges: Record<string, [number, number]>): void {
  const grow = (name: string, lo: number, hi: number): void => {
    const r = ranges[name];
    if (!r) ranges[name] = [lo, hi];
    else {
      if (lo < r[0]) r[0] = lo;
      if (hi > r[1]) r[1] = hi;
    }
  };
  const p = rb.positions;
  let zlo = Infinity;
  let zhi = -Infinity;
  let dhi = 0;
  for (let i = 0; i < rb.count; i++) {
    const z = p[i * 3 + 2];
    if (z < zlo) zlo = z;
    if (z > zhi) zhi = z;
    const d = p[i * 3] * p[i * 3] + p[i * 3 + 1] * p[i * 3 + 1];
    if (d > dhi) dhi = d;
  }
  if (rb.count > 0) {
    grow('height', zlo, zhi);
    grow('distance', 0, Math.sqrt(dhi));
  }
  for (const [name, values] of Object.entries(rb.scalars)) {
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    if (values.length > 0 && Number.isFinite(lo) && Number.isFinite(hi)) grow(name, lo, hi);
  }
}
