import { closeUpHalfExtent, closeUpScale, toCloseUp, type CloseUpKind } from '../../domain/geometry/boxCloseUp.ts';
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
    // Narrow tiles (8 frames at 1000 px) cut a one-line note at both edges: it wraps by words.
    const lines = wrapWords(ctx, d.note ?? '', width - 8);
    lines.forEach((line, i) => ctx.fillText(line, width / 2, height / 2 + (i - (lines.length - 1) / 2) * 14));
    return;
  }
  const { scale, cx, cy } = closeUpScale(view, d.kind, width, height);
  const [hl, hw, hh] = [box.size[0] / 2, box.size[1] / 2, box.size[2] / 2];
  const p = d.positions;
  if (p) drawPoints(ctx, p, d.kind, view, box, width, height, scale, cx, cy);
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

/** Height levels of the point colours (blue low → yellow high), each drawn inside and outside the box. */
const LEVELS = 12;
const LEVEL_COLORS = Array.from({ length: LEVELS }, (_, k) => {
  const t = k / (LEVELS - 1);
  return `${Math.round(60 + 195 * t)},${Math.round(120 + 110 * t)},${Math.round(255 - 200 * t)}`;
});
const FILLS = [...LEVEL_COLORS.map((c) => `rgba(${c},0.45)`), ...LEVEL_COLORS.map((c) => `rgb(${c})`)];

/**
 * The points of a close-up: each point's pixel and colour bucket (height level over the view box's
 * bottom, inside `box` or not) first, then one `fillStyle` per bucket, so a tile of a few thousand
 * points sets the style some 24 times instead of once a point. No allocation per point.
 */
function drawPoints(
  ctx: CanvasRenderingContext2D,
  p: Float32Array,
  kind: CloseUpKind,
  view: CuboidShape,
  box: CuboidShape,
  width: number,
  height: number,
  scale: number,
  cx: number,
  cy: number,
): void {
  const n = Math.floor(p.length / 3);
  const xs = new Float32Array(n);
  const ys = new Float32Array(n);
  const bucket = new Int8Array(n).fill(-1);
  const counts = new Int32Array(FILLS.length);
  const vc = Math.cos(view.yaw);
  const vs = Math.sin(view.yaw);
  const bc = Math.cos(box.yaw);
  const bs = Math.sin(box.yaw);
  const [hl, hw, hh] = [box.size[0] / 2, box.size[1] / 2, box.size[2] / 2];
  const depthLimit = closeUpHalfExtent(view, 'top')[0];
  const bottom = view.center[2] - view.size[2] / 2;
  const span = Math.max(0.5, view.size[2]);
  for (let i = 0; i < n; i++) {
    const x = p[i * 3];
    const y = p[i * 3 + 1];
    const z = p[i * 3 + 2];
    if (!Number.isFinite(x) || !Number.isFinite(y) || !Number.isFinite(z)) continue;
    // In the view box's frame: along its heading, to its left, up (as toBoxLocal).
    const dx = x - view.center[0];
    const dy = y - view.center[1];
    const lx = vc * dx + vs * dy;
    const ly = -vs * dx + vc * dy;
    const lz = z - view.center[2];
    if (kind === 'side' && Math.abs(ly) > depthLimit) continue;
    const u = kind === 'top' ? -ly : -lx;
    const v = kind === 'top' ? lx : lz;
    const sx = cx + u * scale;
    const sy = cy - v * scale;
    if (sx < -2 || sy < -2 || sx > width + 2 || sy > height + 2) continue;
    const ex = x - box.center[0];
    const ey = y - box.center[1];
    const inside = Math.abs(bc * ex + bs * ey) <= hl && Math.abs(-bs * ex + bc * ey) <= hw && Math.abs(z - box.center[2]) <= hh;
    const level = Math.min(LEVELS - 1, Math.max(0, Math.round(((z - bottom) / span) * (LEVELS - 1))));
    const b = level + (inside ? LEVELS : 0);
    xs[i] = sx;
    ys[i] = sy;
    bucket[i] = b;
    counts[b]++;
  }
  const dot = Math.max(1.5, Math.min(3, scale * 0.06));
  const half = dot / 2;
  for (let b = 0; b < FILLS.length; b++) {
    if (counts[b] === 0) continue;
    ctx.fillStyle = FILLS[b];
    for (let i = 0; i < n; i++) if (bucket[i] === b) ctx.fillRect(xs[i] - half, ys[i] - half, dot, dot);
  }
}

/** `text` broken into lines of whole words no wider than `max` pixels (a word wider stays whole). */
function wrapWords(ctx: CanvasRenderingContext2D, text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const next = line === '' ? word : `${line} ${word}`;
    if (line !== '' && ctx.measureText(next).width > max) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line !== '') lines.push(line);
  return lines;
}
