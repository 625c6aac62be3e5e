/** A 2D point as a tuple (x, y); in this module always bird's-eye-view LiDAR metres. */
export type Point2 = readonly [number, number];

/**
 * Signed area of a simple polygon (shoelace formula), square metres: positive when the vertices
 * run counter-clockwise, negative when clockwise, 0 for fewer than 3 vertices.
 */
export function signedPolygonArea(poly: readonly Point2[]): number {
  const n = poly.length;
  if (n < 3) return 0;
  let sum = 0;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    sum += (poly[j][0] - poly[i][0]) * (poly[j][1] + poly[i][1]);
  }
  return sum / 2;
}

/** Area of a simple polygon in square metres, whatever its orientation (0 below 3 vertices). */
export function polygonArea(poly: readonly Point2[]): number {
  return Math.abs(signedPolygonArea(poly));
}

/**
 * Intersection of two convex polygons (Sutherland–Hodgman), both counter-clockwise.
 *
 * Returns the intersection polygon, counter-clockwise; an empty array when the polygons do not
 * overlap in a region of positive area (touching edges or corners may return a degenerate
 * polygon of zero area, which is fine for area computations). Points on a clip edge, within a
 * relative tolerance, count as inside, so identical and collinear edges are handled.
 */
export function clipConvexPolygon(subject: readonly Point2[], clip: readonly Point2[]): [number, number][] {
  let output: [number, number][] = subject.map((p) => [p[0], p[1]]);
  if (clip.length < 3) return [];
  const scale = polygonScale(subject, clip);
  for (let i = 0; i < clip.length && output.length > 0; i++) {
    const a = clip[i];
    const b = clip[(i + 1) % clip.length];
    const ex = b[0] - a[0];
    const ey = b[1] - a[1];
    const len = Math.hypot(ex, ey);
    if (len === 0) continue;
    const eps = 1e-12 * scale * len;
    const input = output;
    output = [];
    for (let j = 0; j < input.length; j++) {
      const p = input[j];
      const q = input[(j + 1) % input.length];
      // Cross of edge with (point − a): positive on the left, i.e. inside a CCW polygon.
      const dp = ex * (p[1] - a[1]) - ey * (p[0] - a[0]);
      const dq = ex * (q[1] - a[1]) - ey * (q[0] - a[0]);
      const pIn = dp >= -eps;
      const qIn = dq >= -eps;
      if (pIn) output.push(p);
      if (pIn !== qIn && Math.abs(dp) > eps && Math.abs(dq) > eps) {
        const t = dp / (dp - dq);
        output.push([p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])]);
      }
    }
  }
  return output.length >= 3 ? output : [];
}

function polygonScale(a: readonly Point2[], b: readonly Point2[]): number {
  let m = 1;
  for (const p of a) m = Math.max(m, Math.abs(p[0]), Math.abs(p[1]));
  for (const p of b) m = Math.max(m, Math.abs(p[0]), Math.abs(p[1]));
  return m;
}

/**
 * Convex hull of a set of 2D points (Andrew's monotone chain), counter-clockwise, starting from
 * the lowest-x (then lowest-y) point, without collinear points. Non-finite points are ignored.
 * Returns fewer than 3 points when all points are collinear (the two extremes) or coincide.
 */
export function convexHull(points: readonly Point2[]): [number, number][] {
  const pts = points
    .filter((p) => Number.isFinite(p[0]) && Number.isFinite(p[1]))
    .map((p): [number, number] => [p[0], p[1]])
    .sort((p, q) => p[0] - q[0] || p[1] - q[1]);
  const unique: [number, number][] = [];
  for (const p of pts) {
    const last = unique[unique.length - 1];
    if (last === undefined || last[0] !== p[0] || last[1] !== p[1]) unique.push(p);
  }
  if (unique.length < 3) return unique;
  const cross = (o: Point2, a: Point2, b: Point2): number => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const lower: [number, number][] = [];
  for (const p of unique) {
    while (lower.length >= 2 && cross(lower[lower.length - 2], lower[lower.length - 1], p) <= 0) lower.pop();
    lower.push(p);
  }
  const upper: [number, number][] = [];
  for (let i = unique.length - 1; i >= 0; i--) {
    const p = unique[i];
    while (upper.length >= 2 && cross(upper[upper.length - 2], upper[upper.length - 1], p) <= 0) upper.pop();
    upper.push(p);
  }
  lower.pop();
  upper.pop();
  return lower.concat(upper);
}
