import type { ObstacleClusters } from './frame/clusterObstacles.ts';

/** A point counts as in a cluster when within this of its bounding box, metres (one BEV cell and a bit). */
const BOX_SLACK = 0.5;
/** Added to the cluster's reach, metres, so its edge points are inside. */
const EDGE_MARGIN = 0.3;

/**
 * The BEV radius (metres) around (x, y) that covers the obstacle cluster there: of the clusters
 * whose bounding box (grown by 0.5 m) holds the point, the one whose centroid is nearest; the
 * radius reaches its far side (the smaller of the distance to its bounding box's farthest corner
 * and the centroid offset plus half its length × width diagonal), plus 0.3 m. LiDAR frame.
 * Undefined when no cluster is there.
 */
export function clusterRadiusAt(clusters: ObstacleClusters, x: number, y: number): number | undefined {
  let best = -1;
  let bestD = Infinity;
  for (let c = 0; c < clusters.count; c++) {
    if (x < clusters.minX[c] - BOX_SLACK || x > clusters.maxX[c] + BOX_SLACK) continue;
    if (y < clusters.minY[c] - BOX_SLACK || y > clusters.maxY[c] + BOX_SLACK) continue;
    const n = clusters.points[c];
    if (n === 0) continue;
    const d = Math.hypot(clusters.sumX[c] / n - x, clusters.sumY[c] / n - y);
    if (d < bestD) {
      best = c;
      bestD = d;
    }
  }
  if (best < 0) return undefined;
  const farX = Math.max(Math.abs(clusters.minX[best] - x), Math.abs(clusters.maxX[best] - x));
  const farY = Math.max(Math.abs(clusters.minY[best] - y), Math.abs(clusters.maxY[best] - y));
  const corner = Math.hypot(farX, farY);
  const axes = bestD + 0.5 * Math.hypot(clusters.length[best], clusters.width[best]);
  return Math.min(corner, axes) + EDGE_MARGIN;
}
