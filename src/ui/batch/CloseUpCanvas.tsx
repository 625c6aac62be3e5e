import { useEffect, useLayoutEffect, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import { closeUpScale, toBoxLocal, topCloseUpToLidar, type CloseUpKind } from '../../domain/geometry/boxCloseUp.ts';
import type { CuboidShape } from '../../domain/geometry/CuboidShape.ts';
import { YAW_HANDLE_RADIUS_PX, drawCloseUp, yawHandlePx } from './drawCloseUp.ts';

export interface CloseUpCanvasProps {
  kind: CloseUpKind;
  box: CuboidShape | null;
  color: string;
  positions: Float32Array | null;
  focused: boolean;
  note?: string;
  /** Whether drags edit the box (the top view moves and turns it, the side view moves it along its heading and up). */
  editable: boolean;
  /** A fixed height in CSS pixels (default: the space the tile leaves it). */
  height?: number;
  /** A pointer went down on the canvas (the tile takes the focus). */
  onPointerDown?: () => void;
  /** A drag ended: the box's new centre or yaw (LiDAR frame, metres, radians). */
  onCommit?: (patch: { center?: CuboidShape['center']; yaw?: number }) => void;
  testId?: string;
}

type Drag = { mode: 'move' | 'turn'; start: [number, number, number]; startBox: CuboidShape };

/**
 * One close-up of a batch tile, drawn with the 2D canvas API (a tile shows a few thousand points;
 * twenty of them on one page would need twenty WebGL views). Redraws when its inputs or its size
 * change. In the top view a drag on the box moves it, a drag on the handle beyond its front edge
 * turns it; in the side view a drag moves it along its heading and up. The view stays framed on
 * the box as it was when the drag started and the drag commits once, on release.
 */
export function CloseUpCanvas({ kind, box, color, positions, focused, note, editable, height, onPointerDown, onCommit, testId }: CloseUpCanvasProps) {
  const wrap = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [size, setSize] = useState<[number, number]>([0, 0]);
  const [drag, setDrag] = useState<Drag | null>(null);
  const [draft, setDraft] = useState<CuboidShape | null>(null);

  useLayoutEffect(() => {
    const el = wrap.current;
    if (!el) return;
    const measure = () => setSize([Math.max(1, Math.floor(el.clientWidth)), Math.max(1, Math.floor(el.clientHeight))]);
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const view = drag ? drag.startBox : box;
  const shown = draft ?? box;
  useEffect(() => {
    const c = canvas.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx || size[0] <= 1) return;
    const dpr = window.devicePixelRatio || 1;
    c.width = Math.round(size[0] * dpr);
    c.height = Math.round(size[1] * dpr);
    drawCloseUp(ctx, size[0], size[1], dpr, { kind, view, box: shown, color, positions, focused, note });
  }, [kind, view, shown, color, positions, focused, note, size]);

  /** The LiDAR point under a pointer event, on the plane of the view framed on `frame`. */
  const pointAt = (e: ReactPointerEvent, frame: CuboidShape): [number, number, number] => {
    const r = (e.currentTarget as HTMLElement).getBoundingClientRect();
    const { scale, cx, cy } = closeUpScale(frame, kind, size[0], size[1]);
    const u = (e.clientX - r.left - cx) / scale;
    const v = (cy - (e.clientY - r.top)) / scale;
    if (kind === 'top') return [...topCloseUpToLidar(frame, u, v), frame.center[2]];
    // Side: u runs against the heading, v is up.
    const c = Math.cos(frame.yaw);
    const s = Math.sin(frame.yaw);
    return [frame.center[0] - c * u, frame.center[1] - s * u, frame.center[2] + v];
  };

  const down = (e: ReactPointerEvent) => {
    onPointerDown?.();
    if (!editable || !box || e.button !== 0) return;
    const r = (e.currentTarget as HTMLElement).getBoundingClientRect();
    const q = pointAt(e, box);
    let mode: Drag['mode'] | null = null;
    if (kind === 'top') {
      const [hx, hy] = yawHandlePx(box, box, size[0], size[1]);
      if (Math.hypot(e.clientX - r.left - hx, e.clientY - r.top - hy) <= YAW_HANDLE_RADIUS_PX + 4) mode = 'turn';
    }
    if (mode === null) {
      const [lx, ly, lz] = toBoxLocal(box, q[0], q[1], q[2]);
      const inside =
        kind === 'top'
          ? Math.abs(lx) <= box.size[0] / 2 && Math.abs(ly) <= box.size[1] / 2
          : Math.abs(lx) <= box.size[0] / 2 && Math.abs(lz) <= box.size[2] / 2;
      if (inside) mode = 'move';
    }
    if (mode === null) return;
    (e.currentTarget as HTMLElement).setPointerCapture(e.pointerId);
    setDrag({ mode, start: q, startBox: box });
    setDraft(box);
  };

  const moveTo = (e: ReactPointerEvent): CuboidShape | null => {
    if (!drag) return null;
    const b = drag.startBox;
    const q = pointAt(e, b);
    if (drag.mode === 'turn') return { ...b, yaw: Math.atan2(q[1] - b.center[1], q[0] - b.center[0]) };
    const d = [q[0] - drag.start[0], q[1] - drag.start[1], q[2] - drag.start[2]];
    return kind === 'top'
      ? { ...b, center: [b.center[0] + d[0], b.center[1] + d[1], b.center[2]] }
      : { ...b, center: [b.center[0] + d[0], b.center[1] + d[1], b.center[2] + d[2]] };
  };

  const move = (e: ReactPointerEvent) => {
    const next = moveTo(e);
    if (next) setDraft(next);
  };

  const up = (e: ReactPointerEvent) => {
    const next = moveTo(e);
    const mode = drag?.mode;
    setDrag(null);
    setDraft(null);
    if (!next || !drag) return;
    const b = drag.startBox;
    if (mode === 'turn' && next.yaw !== b.yaw) onCommit?.({ yaw: next.yaw });
    else if (mode === 'move' && next.center.some((v, i) => Math.abs(v - b.center[i]) > 1e-4)) onCommit?.({ center: next.center });
  };

  return (
    <div ref={wrap} className={`batch-canvas ${kind}`} style={height !== undefined ? { flex: 'none', height } : undefined}>
      <canvas
        ref={canvas}
        data-testid={testId}
        style={{ width: size[0], height: size[1] }}
        onPointerDown={down}
        onPointerMove={move}
        onPointerUp={up}
        onPointerCancel={() => {
          setDrag(null);
          setDraft(null);
        }}
      />
      <span className="batch-canvas-label">{kind}</span>
    </div>
  );
}
