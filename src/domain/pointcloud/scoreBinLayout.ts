import { BIN_LAYOUTS, type BinLayoutName } from './binLayouts.ts';

/**
 * Physical bounds a point of a ground-vehicle or handheld LiDAR respects, used to tell a right
 * reading of a raw `.bin` from a misaligned one (a wrong record size shifts every column, so
 * coordinates get intensities or ring numbers and attributes get coordinates).
 */
export const PLAUSIBLE = {
  /** No coordinate of a real return is beyond this (metres): past it a value is not a coordinate. */
  maxCoordinate: 1000,
  /** Most returns lie within this range (metres); the longest-range automotive sensors reach ~300 m. */
  maxRange: 300,
  /**
   * Elevation limit (degrees above or below the sensor's horizontal plane). Vertical fields of view
   * span about ±15° (spinning 32/64-beam) to ±52° (dome sensors); beyond 60° only returns within a
   * metre or two of the sensor occur, so points closer than `nearRange` are not held to it.
   */
  maxElevationDeg: 60,
  nearRange: 2,
  /** Intensity is a non-negative return strength: 0..1 (KITTI), 0..255 (most drivers), at most 16 bits. */
  maxIntensity: 65535,
  /** A ring (laser index) is a whole number below the beam count; no sensor has 1024 beams. */
  maxRing: 1023,
  /** A time offset is finite and within an hour of the sweep (seconds; larger units still fit). */
  maxAbsTime: 3600 * 1e9,
  /** The z spread (5th–95th percentile) of a level-mounted sensor is at most this share of the horizontal p95 range. */
  maxZSpreadRatio: 0.5,
} as const;

/** Records scored per layout, spread evenly over the sample. */
export const SAMPLE_RECORDS = 4096;

/** How one candidate layout reads a sample of a file. */
export interface LayoutPlausibility {
  name: BinLayoutName;
  /** 0..1: mean plausibility of the sampled points (see `scoreBinLayout`). */
  score: number;
  /** Sampled records that carry data (all-zero and all-NaN-coordinate records are left out). */
  records: number;
  /** Share of those failing each check (0..1). */
  failed: { coordinate: number; intensity: number; ring: number; time: number; range: number; elevation: number };
  /** Whether the z spread is small beside the horizontal range (a level-mounted sensor). */
  zSpreadSane: boolean;
  /** Min and max of each attribute over the sampled records (NaN when none). */
  attributeRange: Record<string, [number, number]>;
}

/**
 * Scores reading `floats` (host-order float32 values of the file from its first byte; the whole
 * file or a prefix) as `layout`. A sampled point scores 1 when its coordinates are finite and
 * within 1000 m, its intensity finite in 0..65535, its ring a whole number 0..1023 and its time
 * finite; 0 otherwise. A point that passes loses a quarter when it is beyond 300 m and a quarter
 * when it is steeper than 60° (2 m or further out). The mean is multiplied by 0.75 when the z
 * spread is not small beside the horizontal extent. Empty records (all zero, or NaN coordinates)
 * carry no evidence and are skipped.
 */
export function scoreBinLayout(floats: Float32Array, name: BinLayoutName): LayoutPlausibility {
  const layout = BIN_LAYOUTS[name];
  const stride = layout.floats;
  const total = Math.floor(floats.length / stride);
  const step = sampleStep(total);
  const col = (a: string) => layout.attributes.indexOf(a as never) + 3;
  const iCol = layout.attributes.includes('intensity') ? col('intensity') : -1;
  const rCol = layout.attributes.includes('ring') ? col('ring') : -1;
  const tCol = layout.attributes.includes('time') ? col('time') : -1;
  const tanMax = Math.tan((PLAUSIBLE.maxElevationDeg * Math.PI) / 180);
  const fail = { coordinate: 0, intensity: 0, ring: 0, time: 0, range: 0, elevation: 0 };
  const ranges: Record<string, [number, number]> = {};
  for (const a of layout.attributes) ranges[a] = [Infinity, -Infinity];
  const zs: number[] = [];
  const hs: number[] = [];
  let records = 0;
  let sum = 0;
  for (let r = 0; r < total; r += step) {
    const s = r * stride;
    if (isEmpty(floats, s, stride)) continue;
    records++;
    const x = floats[s];
    const y = floats[s + 1];
    const z = floats[s + 2];
    let ok = true;
    if (!(Math.abs(x) <= PLAUSIBLE.maxCoordinate && Math.abs(y) <= PLAUSIBLE.maxCoordinate && Math.abs(z) <= PLAUSIBLE.maxCoordinate)) {
      fail.coordinate++;
      ok = false;
    }
    if (iCol >= 0) {
      const v = floats[s + iCol];
      track(ranges.intensity, v);
      if (!(v >= 0 && v <= PLAUSIBLE.maxIntensity)) {
        fail.intensity++;
        ok = false;
      }
    }
    if (rCol >= 0) {
      const v = floats[s + rCol];
      track(ranges.ring, v);
      if (!(Number.isInteger(v) && v >= 0 && v <= PLAUSIBLE.maxRing)) {
        fail.ring++;
        ok = false;
      }
    }
    if (tCol >= 0) {
      const v = floats[s + tCol];
      track(ranges.time, v);
      if (!(Math.abs(v) <= PLAUSIBLE.maxAbsTime)) {
        fail.time++;
        ok = false;
      }
    }
    if (!ok) continue;
    const h = Math.hypot(x, y);
    let points = 1;
    if (Math.hypot(h, z) > PLAUSIBLE.maxRange) {
      fail.range++;
      points -= 0.25;
    }
    if (h >= PLAUSIBLE.nearRange && Math.abs(z) > tanMax * h) {
      fail.elevation++;
      points -= 0.25;
    }
    sum += points;
    zs.push(z);
    hs.push(h);
  }
  const zSpreadSane = zs.length < 2 || spread(zs) <= PLAUSIBLE.maxZSpreadRatio * Math.max(percentile(hs, 0.95), 1);
  const share = (n: number) => (records === 0 ? 0 : n / records);
  const attributeRange: Record<string, [number, number]> = {};
  for (const [a, [lo, hi]] of Object.entries(ranges)) attributeRange[a] = lo <= hi ? [lo, hi] : [NaN, NaN];
  return {
    name,
    score: records === 0 ? 0 : (sum / records) * (zSpreadSane ? 1 : 0.75),
    records,
    failed: {
      coordinate: share(fail.coordinate),
      intensity: share(fail.intensity),
      ring: share(fail.ring),
      time: share(fail.time),
      range: share(fail.range),
      elevation: share(fail.elevation),
    },
    zSpreadSane,
    attributeRange,
  };
}

/**
 * Records between samples: about `total / SAMPLE_RECORDS`, made coprime with 2, 3 and 5 so that,
 * under a wrong record size (12, 16, 20 or 24 bytes), the samples land on every column phase of
 * the true records instead of aliasing onto the aligned ones.
 */
export function sampleStep(total: number): number {
  let step = Math.max(1, Math.floor(total / SAMPLE_RECORDS));
  while (step > 1 && (step % 2 === 0 || step % 3 === 0 || step % 5 === 0)) step++;
  return step;
}

function isEmpty(f: Float32Array, s: number, stride: number): boolean {
  if (Number.isNaN(f[s]) && Number.isNaN(f[s + 1]) && Number.isNaN(f[s + 2])) return true;
  for (let k = 0; k < stride; k++) if (f[s + k] !== 0) return false;
  return true;
}

function track(r: [number, number], v: number): void {
  if (!Number.isFinite(v)) return;
  if (v < r[0]) r[0] = v;
  if (v > r[1]) r[1] = v;
}

function percentile(values: number[], q: number): number {
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/** 5th to 95th percentile spread. */
function spread(values: number[]): number {
  return percentile(values, 0.95) - percentile(values, 0.05);
}
