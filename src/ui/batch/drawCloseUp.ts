import { closeUpHalfExtent, closeUpScale, toBoxLocal, toCloseUp, type CloseUpKind } from '../../domain/geometry/boxCloseUp.ts';
import type { CuboidShape } from '../../domain/geometry/CuboidShape.ts';

/** Pixels from the top view's centre to the yaw handle, beyond the box's front edge. */
export const YAW_HANDLE_GAP_PX = 14;
export const YAW_HANDLE_RADIUS_PX = 6;

export interface CloseUpDrawing {
  kind: CloseUpKind;
  /** The box the view is framed on (the committed box; it stays put while a drag moves `box`). */
  view: CuboidShape | null;
  /** The box drawn (a drag's draft while dragging, else the same as `view`). */
  box: CuboidShape | null;
  /** Its class colour. */
  color: string;
  /** Points around the box (x y z interleaved, LiDAR frame of the tile's frame), or null while they load. */
  positions: Float32Array | null;
  /** Whether the tile is focused (thicker outline, handle shown). */
  focused: boolean;
  /** A line of text in place of the drawing (no box in this frame, loading). */
  note?: string;
}

/** A point of `box`'s own frame (along its heading, to its left, up; metres) in the LiDAR frame. */
function fromBoxLocal(box: CuboidShape, lx: number, ly: number, lz: number): [number, number, number] {
  const c = Math.cos(box.yaw);
  const s = Math.sin(box.yaw);
  return [box.center[0] + c * lx - s * ly, box.center[1] + s * lx + c * ly, box.center[2] + lz];
}

/** Canvas pixel of a LiDAR point in the close-up framed on `view`. */
function pixelOf(view: CuboidShape, kind: CloseUpKind, width: number, height: number, q: readonly [number, number, number]): [number, number] {
  const { scale, cx, cy } = closeUpScale(view, kind, width, height);
  const [u, v] = toCloseUp(view, kind, q[0], q[1], q[2]);
  return [cx + u * scale, cy - v * scale];
}

/** Where the yaw handle of `box` is in the top view framed on `view`, in canvas pixels: beyond the middle of its front edge. */
export function yawHandlePx(view: CuboidShape, box: CuboidShape, width: number, height: number): [number, number] {
  const { scale } = closeUpScale(view, 'top', width, height);
  return pixelOf(view, 'top', width, height, fromBoxLocal(box, box.size[0] / 2 + YAW_HANDLE_GAP_PX / scale, 0, 0));
}

/**
 * Draws one close-up into a 2D canvas of `width` × `height` CSS pixels (`dpr` device pixels each):
 * the points around the box, coloured by height over the box's bottom (blue low, yellow high) and
 * brighter inside the box, the box outline in its class colour with its front edge marked, and
 * in the top view a heading line and (focused) the yaw handle. The side view shows only points
 * within the box's width plus the view padding of its centre plane, as the main view's side
 * close-up clips its slab.
 */
export function drawCloseUp(ctx: CanvasRenderingContext2D, width: number, height: number, dpr: number, d: CloseUpDrawing): void {
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.fillStyle = '#0b0f14';
  ctx.fillRect(0, 0, width, height);
  const { view, box } = d;
  if (!view || !box) {
    ctx.fillStyle = '#8b95a7';
    ctx.font = '12px system-ui, sans-serif';
    ctx.textAlign = 'center';
    ctx.fillText(d.note ?? '', width / 2, height / 2);
    return;
  }
  const { scale, cx, cy } = closeUpScale(view, d.kind, width, height);
  const [hl, hw, hh] = [box.size[0] / 2, box.size[1] / 2, box.size[2] / 2];
  const [, depthLimit] = closeUpHalfExtent(view, 'top');
  const p = d.positions;
  if (p) {
    const dot = Math.max(1.5, Math.min(3, scale * 0.06));
    const bottom = view.center[2] - view.size[2] / 2;
    const span = Math.max(0.5, view.size[2]);
    for (let i = 0; i + 2 < p.length; i += 3) {
      const x = p[i];
      const y = p[i + 1];
      const z = p[i + 2];
      if (!Number.isFinite(x) || !Number.isFinite(y) || !Number.isFinite(z)) continue;
      if (d.kind === 'side' && Math.abs(toBoxLocal(view, x, y, z)[1]) > depthLimit) continue;
      const [u, v] = toCloseUp(view, d.kind, x, y, z);
      const sx = cx + u * scale;
      const sy = cy - v * scale;
      if (sx < -2 || sy < -2 || sx > width + 2 || sy > height + 2) continue;
      const [lx, ly, lz] = toBoxLocal(box, x, y, z);
      const inside = Math.abs(lx) <= hl && Math.abs(ly) <= hw && Math.abs(lz) <= hh;
      const t = Math.min(1, Math.max(0, (z - bottom) / span));
      const r = Math.round(60 + 195 * t);
      const g = Math.round(120 + 110 * t);
      const b = Math.round(255 - 200 * t);
      ctx.fillStyle = inside ? `rgb(${r},${g},${b})` : `rgba(${r},${g},${b},0.45)`;
      ctx.fillRect(sx - dot / 2, sy - dot / 2, dot, dot);
    }
  }
  const at = (lx: number, ly: number, lz: number) => pixelOf(view, d.kind, width, height, fromBoxLocal(box, lx, ly, lz));
  ctx.strokeStyle = d.color;
  ctx.lineWidth = d.focused ? 2 : 1.25;
  if (d.kind === 'top') {
    const corners = [at(hl, hw, 0), at(hl, -hw, 0), at(-hl, -hw, 0), at(-hl, hw, 0)];
    ctx.beginPath();
    corners.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)));
    ctx.closePath();
    ctx.stroke();
    // Front edge thick, a heading line from the centre to it, and the yaw handle beyond it.
    ctx.lineWidth = d.focused ? 3.5 : 2.5;
    ctx.beginPath();
    ctx.moveTo(...corners[0]);
    ctx.lineTo(...corners[1]);
    ctx.stroke();
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(...at(0, 0, 0));
    ctx.lineTo(...at(hl, 0, 0));
    ctx.stroke();
    if (d.focused) {
      const [hx, hy] = yawHandlePx(view, box, width, height);
      ctx.beginPath();
      ctx.arc(hx, hy, YAW_HANDLE_RADIUS_PX, 0, Math.PI * 2);
      ctx.fillStyle = d.color;
      ctx.fill();
    }
  } else {
    // The box seen from the view's side: the bounds of its corners (a turned draft shows wider).
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (const a of [-1, 1]) {
      for (const b of [-1, 1]) {
        for (const c of [-1, 1]) {
          const [x, y] = at(a * hl, b * hw, c * hh);
          minX = Math.min(minX, x);
          maxX = Math.max(maxX, x);
          minY = Math.min(minY, y);
          maxY = Math.max(maxY, y);
        }
      }
    }
    ctx.strokeRect(minX, minY, maxX - minX, maxY - minY);
    const [fx, fy0] = at(hl, 0, hh);
    const [, fy1] = at(hl, 0, -hh);
    ctx.lineWidth = d.focused ? 3.5 : 2.5;
    ctx.beginPath();
    ctx.moveTo(fx, fy0);
    ctx.lineTo(fx, fy1);
    ctx.stroke();
  }
  // A 1 m scale bar, bottom left.
  ctx.strokeStyle = '#8b95a7';
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(6, height - 6);
  ctx.lineTo(6 + scale, height - 6);
  ctx.stroke();
  ctx.fillStyle = '#8b95a7';
  ctx.font = '10px system-ui, sans-serif';
  ctx.textAlign = 'left';
  ctx.fillText('1 m', 8 + scale, height - 3);
}
