import type { KittiCalib } from '../domain/kitti/KittiCalib.ts';
import type { ReviewFlag } from '../domain/document/FrameAnnotation.ts';
import type { Cuboid } from '../domain/types.ts';
import { projectLidarPoints } from '../domain/kitti/projectToImage.ts';
import type { ProjectedEdge } from '../domain/kitti/projectCuboidEdges.ts';
import { convexHull } from '../domain/geometry/polygon2d.ts';
import { classColor } from '../render/classColors.ts';

/** What the camera panel draws over its image (canvas of the image's size, image pixels). */

/** A box and its edges projected into the image. */
export interface ProjectedBox {
  box: Cuboid;
  edges: ProjectedEdge[];
}

/**
 * Every projected box in its class colour (near-plane edges white): the selected boxes last, over
 * the others, filled faintly, thick and on a dark halo, so they read on any image; while a box is
 * selected the others are dimmed.
 */
export function drawBoxes(ctx: CanvasRenderingContext2D, projected: readonly ProjectedBox[], selectedIds: readonly string[]): void {
  const chosen = projected.filter(({ box }) => selectedIds.includes(box.id));
  for (const { box, edges } of projected) {
    if (!selectedIds.includes(box.id)) drawEdges(ctx, edges, classColor(box.label), chosen.length > 0 ? 'dim' : 'plain');
  }
  for (const { box, edges } of chosen) drawEdges(ctx, edges, classColor(box.label), 'selected');
}

/** How a projected box is drawn: as usual, dimmed (another box is selected) or selected. */
type EdgeStyle = 'plain' | 'dim' | 'selected';

/** Image pixels: the canvas has the image's size and is shown scaled down to the panel. */
const LINE_WIDTH: Record<EdgeStyle, number> = { plain: 1.5, dim: 1.5, selected: 4 };
const HALO_WIDTH = 8;

function drawEdges(ctx: CanvasRenderingContext2D, edges: ProjectedEdge[], color: string, style: EdgeStyle): void {
  ctx.save();
  if (style === 'dim') ctx.globalAlpha = 0.45;
  if (style === 'selected') {
    // Its outline filled faintly, and a dark halo under its edges, so it reads on any image.
    const hull = edgeHull(edges);
    if (hull.length >= 3) {
      ctx.beginPath();
      hull.forEach(([u, v], i) => (i === 0 ? ctx.moveTo(u, v) : ctx.lineTo(u, v)));
      ctx.closePath();
      ctx.globalAlpha = 0.2;
      ctx.fillStyle = color;
      ctx.fill();
      ctx.globalAlpha = 1;
    }
    ctx.lineWidth = HALO_WIDTH;
    ctx.strokeStyle = 'rgba(0, 0, 0, 0.6)';
    for (const e of edges) {
      ctx.beginPath();
      ctx.moveTo(e.u1, e.v1);
      ctx.lineTo(e.u2, e.v2);
      ctx.stroke();
    }
  }
  ctx.lineWidth = LINE_WIDTH[style];
  for (const e of edges) {
    ctx.strokeStyle = e.front ? '#ffffff' : color;
    ctx.beginPath();
    ctx.moveTo(e.u1, e.v1);
    ctx.lineTo(e.u2, e.v2);
    ctx.stroke();
  }
  ctx.restore();
}

export function drawPoints(ctx: CanvasRenderingContext2D, uvd: Float32Array): void {
  for (let i = 0; i < uvd.length; i += 3) {
    const u = uvd[i];
    const v = uvd[i + 1];
    if (!(u === u) || u < 0 || v < 0 || u > ctx.canvas.width || v > ctx.canvas.height) continue;
    const t = Math.min(1, uvd[i + 2] / 60);
    ctx.fillStyle = `hsl(${Math.round(t * 240)}, 90%, 55%)`;
    ctx.fillRect(u - 1, v - 1, 2, 2);
  }
}

/** The convex hull of a projected box's edges, image pixels. */
function edgeHull(edges: ProjectedEdge[]): [number, number][] {
  return convexHull(edges.flatMap((e) => [[e.u1, e.v1] as [number, number], [e.u2, e.v2] as [number, number]]));
}

export function insideHull(edges: ProjectedEdge[], u: number, v: number): boolean {
  const hull = edgeHull(edges);
  if (hull.length < 3) return false;
  let sign = 0;
  for (let i = 0; i < hull.length; i++) {
    const [ax, ay] = hull[i];
    const [bx, by] = hull[(i + 1) % hull.length];
    const cross = (bx - ax) * (v - ay) - (by - ay) * (u - ax);
    if (cross !== 0) {
      if (sign === 0) sign = Math.sign(cross);
      else if (Math.sign(cross) !== sign) return false;
    }
  }
  return true;
}

/** Reviewer flags as pins at the top of the flagged box (or at the flagged location) in the image. */
export function drawFlags(ctx: CanvasRenderingContext2D, flags: readonly ReviewFlag[], cuboids: readonly Cuboid[], calib: KittiCalib): void {
  for (const f of flags) {
    if (f.state === 'closed') continue;
    const box = f.cuboidId ? cuboids.find((c) => c.id === f.cuboidId) : null;
    const at = box ? [box.center[0], box.center[1], box.center[2] + box.size[2] / 2] : f.location;
    if (!at) continue;
    const [u, v] = projectLidarPoints(new Float32Array(at), calib);
    if (!(u === u)) continue;
    ctx.fillStyle = f.state === 'open' ? '#ff7a45' : '#f5d90a';
    ctx.beginPath();
    ctx.moveTo(u, v);
    ctx.lineTo(u - 7, v - 16);
    ctx.lineTo(u + 7, v - 16);
    ctx.closePath();
    ctx.fill();
  }
}
