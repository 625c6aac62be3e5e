import { useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { bestTileColumns, windowIndices } from '../../domain/sequence/batchWindow.ts';
import { closeUpHalfExtent } from '../../domain/geometry/boxCloseUp.ts';
import { trackName } from '../../domain/sequence/trackName.ts';
import { createBatchController } from '../../services/batchController.ts';
import { useAppStore, usePage } from '../../render/EditorContext.ts';
import { ModalOverlay } from '../ModalOverlay.tsx';
import { BatchTile } from './BatchTile.tsx';
import './batchView.css';

/** A tile's header and footer, and the gap between tiles, CSS pixels. */
const TILE_CHROME_PX = 52;
const TILE_GAP_PX = 8;
const SIZES = [6, 8, 10, 12];

/**
 * The batch view of one track (Shift+B, or the tracks panel's button): K frames side by side, each
 * with a top and a side close-up of the track's box, edited from the keyboard (the focused tile)
 * or by dragging. Closing waits until every frame is saved.
 */
export function BatchView() {
  const open = useAppStore((s) => s.batch.open);
  return open ? <BatchViewOpen /> : null;
}

function BatchViewOpen() {
  const page = usePage();
  const controller = useMemo(() => createBatchController({ store: page.store, io: page.io, editor: page.editor, services: page.services }), [page]);
  useEffect(() => () => controller.dispose(), [controller]);
  const { trackId, start, size, focus, closing } = useAppStore(
    useShallow((s) => ({ trackId: s.batch.trackId, start: s.batch.start, size: s.batch.size, focus: s.batch.focus, closing: s.batch.closing })),
  );
  const frames = useAppStore((s) => s.frames);
  // The track's box in the open frame (else any tile's) sets the label and the close-ups' shape.
  const shape = useAppStore(
    useShallow((s) => {
      const id = s.batch.trackId;
      for (const d of [s.doc, ...Object.values(s.batch.tiles).map((t) => t.doc)]) {
        const c = d?.cuboids.find((b) => b.trackId === id);
        if (c) return { label: c.label, l: c.size[0], w: c.size[1], h: c.size[2] };
      }
      return { label: '', l: 4, w: 1.8, h: 1.5 };
    }),
  );
  const label = shape.label;
  const setBatchSize = useAppStore((s) => s.setBatchSize);
  const setBatchWindow = useAppStore((s) => s.setBatchWindow);
  const window = useMemo(() => windowIndices(start, frames.length, size).map((i) => frames[i]), [start, size, frames]);
  const gridRef = useRef<HTMLDivElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const [area, setArea] = useState<[number, number]>([1200, 700]);
  const aspects = useMemo(() => {
    const box = { center: [0, 0, 0] as const, size: [shape.l, shape.w, shape.h] as const, yaw: 0 };
    const [tu, tv] = closeUpHalfExtent(box, 'top');
    const [su, sv] = closeUpHalfExtent(box, 'side');
    return { topAspect: tv / tu, sideAspect: sv / su };
  }, [shape.l, shape.w, shape.h]);
  const { columns, tileWidth } = bestTileColumns(window.length, area[0], area[1], { ...aspects, chromePx: TILE_CHROME_PX, gap: TILE_GAP_PX });
  const sideHeight = Math.max(60, Math.round(aspects.sideAspect * tileWidth));
  const topHeight = Math.max(80, Math.round(aspects.topAspect * tileWidth));

  useEffect(() => {
    void controller.syncWindow();
  }, [controller, start, size, frames.length]);

  useLayoutEffect(() => {
    rootRef.current?.focus({ preventScroll: true });
    const el = gridRef.current;
    if (!el) return;
    // The card shrinks to its tiles (at most 95% of the window): the grid may grow down to there.
    const measure = () => {
      const card = el.closest('.overlay-card');
      const above = card ? el.getBoundingClientRect().top - card.getBoundingClientRect().top : 80;
      setArea([el.clientWidth, globalThis.innerHeight * 0.95 - above - 24]);
    };
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    globalThis.addEventListener('resize', measure);
    return () => {
      ro.disconnect();
      globalThis.removeEventListener('resize', measure);
    };
  }, []);

  const onKeyDown = (e: ReactKeyboardEvent) => {
    const t = e.target as HTMLElement;
    if (t.tagName === 'INPUT' || t.tagName === 'SELECT' || t.tagName === 'TEXTAREA') {
      if (e.key === 'Escape') rootRef.current?.focus();
      return;
    }
    if (controller.handleKey(e, columns)) {
      e.preventDefault();
      e.stopPropagation();
    }
  };

  const first = window[0]?.id ?? '';
  const last = window[window.length - 1]?.id ?? '';
  const changeSize = (n: number) => {
    setBatchSize(n);
    // Keep the focused frame in view.
    const focusedIndex = start + focus;
    const s = Math.min(Math.max(0, focusedIndex - Math.floor((n - 1) / 2)), Math.max(0, frames.length - n));
    setBatchWindow(s, focusedIndex - s);
  };

  return (
    <ModalOverlay
      label="Batch view of one track"
      onClose={() => controller.handleKey({ key: 'Escape', shiftKey: false, ctrlKey: false, altKey: false }, columns)}
      closeKeys={['Escape']}
      cardClassName="batch"
      testId="batch-view"
    >
      <div
        ref={rootRef}
        className="batch-root"
        tabIndex={-1}
        onKeyDown={onKeyDown}
        onBlur={(e) => {
          // A button that goes away (a resolved conflict) drops the focus on the page: take it back so the keys keep working.
          if (e.relatedTarget === null)
            setTimeout(() => (document.activeElement === document.body ? rootRef.current?.focus({ preventScroll: true }) : undefined), 0);
        }}
      >
        <div className="dialog-head batch-head">
          <h2>
            {trackId ? trackName(trackId) : ''} <span className="muted">{label}</span>
          </h2>
          <span className="muted">
            frames {first}–{last} of {frames.length}
          </span>
          <span className="batch-pager">
            <button
              type="button"
              onClick={() => controller.handleKey({ key: 'PageUp', shiftKey: false, ctrlKey: false, altKey: false }, columns)}
              disabled={start === 0}
              title="Previous frames (PgUp or A)"
            >
              ‹ earlier
            </button>
            <button
              type="button"
              onClick={() => controller.handleKey({ key: 'PageDown', shiftKey: false, ctrlKey: false, altKey: false }, columns)}
              disabled={start + size >= frames.length}
              title="Next frames (PgDn or D)"
            >
              later ›
            </button>
            <label className="muted">
              {' '}
              frames{' '}
              <select value={size} onChange={(e) => changeSize(Number(e.target.value))} aria-label="Frames shown">
                {SIZES.map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
            </label>
          </span>
          {closing ? <span className="muted">saving…</span> : null}
          <button
            type="button"
            className="dialog-close"
            onClick={() => void controller.close()}
            aria-label="Close"
            title="Close (Esc or Shift+B); waits for the saves"
          >
            ×
          </button>
        </div>
        <p className="batch-keys muted">
          <kbd>←</kbd>
          <kbd>→</kbd>
          <kbd>↑</kbd>
          <kbd>↓</kbd>/<kbd>Tab</kbd> tile · <kbd>PgUp</kbd>/<kbd>PgDn</kbd> page · <kbd>Ctrl</kbd>+arrows move along the box · <kbd>Alt</kbd>+↑/↓ up/down ·{' '}
          <kbd>Q</kbd>/<kbd>E</kbd> turn · <kbd>[</kbd>
          <kbd>]</kbd> <kbd>;</kbd>
          <kbd>&apos;</kbd> <kbd>-</kbd>
          <kbd>=</kbd> size · <kbd>R</kbd> refit · <kbd>K</kbd> keyframe · <kbd>I</kbd> interpolate · <kbd>Del</kbd> delete · <kbd>Ctrl+Z</kbd> undo ·{' '}
          <kbd>Shift</kbd> bigger steps · drag the box or its handle in the top view · <kbd>Esc</kbd> close
        </p>
        <div ref={gridRef} className="batch-grid" style={{ gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))` }} data-columns={columns}>
          {window.map((f, i) => (
            <BatchTile key={f.id} controller={controller} frame={f} index={i} focused={i === focus} topHeight={topHeight} sideHeight={sideHeight} />
          ))}
        </div>
      </div>
    </ModalOverlay>
  );
}
