/**
 * A coarse spherical depth map of a frame's obstacle points as seen from the sensor (the LiDAR
 * origin): per azimuth × elevation bin, the smallest range of an above-ground point. Used to
 * tell whether a place was hidden behind something closer (occluded) or seen and empty.
 */
export interface RangeImage {
  /** Where the sensor sat (the apex of the image), in the points' frame, metres. */
  origin: [number, number, number];
  /** Bin sizes, radians. */
  azimuthStep: number;
  elevationStep: number;
  /** Lowest elevation covered, radians. */
  elevationMin: number;
  nAzimuth: number;
  nElevation: number;
  /** Smallest range (metres) per bin, `ie * nAzimuth + ia`; Infinity where nothing was hit. */
  nearest: Float32Array;
}

const AZ_STEP = (0.25 * Math.PI) / 180;
const EL_STEP = (0.5 * Math.PI) / 180;
const EL_MIN = (-40 * Math.PI) / 180;
const EL_MAX = (30 * Math.PI) / 180;

/**
 * Builds the range image of the points whose `labels[i] >= 0` (the obstacle points of
 * `clusterObstacles`); positions x y z interleaved, LiDAR frame, metres.
 */
export function buildRangeImage(positions: Float32Array, labels: Int32Array, origin: readonly [number, number, number] = [0, 0, 0]): RangeImage {
  const [ox, oy, oz] = origin;
  const nAzimuth = Math.ceil((2 * Math.PI) / AZ_STEP);
  const nElevation = Math.ceil((EL_MAX - EL_MIN) / EL_STEP);
  const nearest = new Float32Array(nAzimuth * nElevation).fill(Infinity);
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] < 0) continue;
    const x = positions[3 * i] - ox;
    const y = positions[3 * i + 1] - oy;
    const z = positions[3 * i + 2] - oz;
    const k = binOf(x, y, z, nAzimuth, nElevation);
    if (k < 0) continue;
    const r = Math.hypot(x, y, z);
    if (r < nearest[k]) nearest[k] = r;
  }
  return { origin: [ox, oy, oz], azimuthStep: AZ_STEP, elevationStep: EL_STEP, elevationMin: EL_MIN, nAzimuth, nElevation, nearest };
}

function binOf(x: number, y: number, z: number, nAzimuth: number, nElevation: number): number {
  const ia = Math.floor((Math.atan2(y, x) + Math.PI) / AZ_STEP);
  const ie = Math.floor((Math.atan2(z, Math.hypot(x, y)) - EL_MIN) / EL_STEP);
  if (!(ie >= 0 && ie < nElevation)) return -1;
  return ie * nAzimuth + Math.min(nAzimuth - 1, Math.max(0, ia));
}

/**
 * Whether the point (x, y, z) (the points' frame, metres) is hidden from the sensor at `img.origin`: some obstacle point
 * in its bin or a neighbouring one is more than `slack` metres closer to the sensor. `rows` = 0
 * looks at the neighbours in azimuth only (a point at a height where something was seen, whose
 * row below may hold the top edge of what hides the rest).
 */
export function isOccluded(img: RangeImage, px: number, py: number, pz: number, slack = 0.5, rows: 0 | 1 = 1): boolean {
  const x = px - img.origin[0];
  const y = py - img.origin[1];
  const z = pz - img.origin[2];
  const ia = Math.floor((Math.atan2(y, x) + Math.PI) / img.azimuthStep);
  const ie = Math.floor((Math.atan2(z, Math.hypot(x, y)) - img.elevationMin) / img.elevationStep);
  const limit = Math.hypot(x, y, z) - slack;
  for (let de = -rows; de <= rows; de++) {
    const e = ie + de;
    if (e < 0 || e >= img.nElevation) continue;
    for (let da = -1; da <= 1; da++) {
      const a = (ia + da + img.nAzimuth) % img.nAzimuth;
      if (img.nearest[e * img.nAzimuth + a] < limit) return true;
    }
  }
  return false;
}

/**
 * The nearest obstacle range (metres, 3D from `img.origin`) in the bin of direction
 * (azimuth, elevation) in radians; Infinity when nothing was hit there or outside the image.
 */
export function nearestInDirection(img: RangeImage, azimuth: number, elevation: number): number {
  const ia = Math.floor((azimuth + Math.PI) / img.azimuthStep);
  const ie = Math.floor((elevation - img.elevationMin) / img.elevationStep);
  if (!(ie >= 0 && ie < img.nElevation)) return Infinity;
  const a = ((ia % img.nAzimuth) + img.nAzimuth) % img.nAzimuth;
  return img.nearest[ie * img.nAzimuth + a];
}
