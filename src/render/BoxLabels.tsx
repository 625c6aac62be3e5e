import { useEffect, useMemo, useRef, type RefObject } from 'react';
import { useFrame } from '@react-three/fiber';
import { Vector3 } from 'three';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from './EditorContext.ts';
import { selectDisplayedCuboids } from '../state/selectors.ts';
import { useBoxVisibility } from './useBoxVisibility.ts';
import { classColor } from './classColors.ts';
import { boxLabelText, labelWidth, placeLabels, type LabelCandidate } from './labelPlacement.ts';

/** Most labels drawn at once; past it (and wherever two would overlap) the farther ones are left out. */
export const MAX_BOX_LABELS = 40;
const LABEL_HEIGHT = 15;
/** Panels over the main view that labels keep clear of (`data-covers-view`). */
const COVERS = '[data-covers-view]';
const _p = new Vector3();

interface LabelItem {
  id: string;
  text: string;
  color: string;
  /** The middle of the box's top face, LiDAR frame, metres. */
  anchor: [number, number, number];
}

/**
 * Class and track labels on the boxes of the main view, as HTML over the canvas (a fixed on-screen
 * size at any zoom). Each frame drawn, the boxes' tops are projected and `placeLabels` keeps the
 * selected and the nearest ones that do not overlap (at most `MAX_BOX_LABELS`). Hidden boxes have
 * none; `visibility.boxLabels` (Shift+L) turns them all off. No label is placed under a panel
 * over the view (the colour legend, the axes line: elements marked `data-covers-view`, read
 * before any label is written). The labels' elements are pooled and updated in place: no React
 * render per camera move.
 */
export function BoxLabels({ target }: { target: RefObject<HTMLElement | null> }) {
  const show = useAppStore((s) => s.visibility.boxLabels);
  const cuboids = useAppStore(useShallow(selectDisplayedCuboids));
  const selectedIds = useAppStore((s) => s.selectedIds);
  const { hidden } = useBoxVisibility();
  const layer = useRef<HTMLDivElement | null>(null);
  const pool = useRef<HTMLDivElement[]>([]);

  useEffect(() => {
    const host = target.current;
    if (!host || !show) return undefined;
    const div = document.createElement('div');
    div.className = 'box-labels';
    div.setAttribute('data-testid', 'box-labels');
    host.appendChild(div);
    layer.current = div;
    return () => {
      div.remove();
      layer.current = null;
      pool.current = [];
    };
  }, [target, show]);

  const items = useMemo<LabelItem[]>(
    () =>
      cuboids
        .filter((c) => !hidden.has(c.id))
        .map((c) => ({
          id: c.id,
          text: boxLabelText(c.label, c.trackId),
          color: classColor(c.label),
          anchor: [c.center[0], c.center[1], c.center[2] + c.size[2] / 2],
        })),
    [cuboids, hidden],
  );
  const selected = useMemo(() => new Set(selectedIds), [selectedIds]);

  useFrame(({ camera }) => {
    const div = layer.current;
    if (!div) return;
    const width = div.clientWidth;
    const height = div.clientHeight;
    const view = div.getBoundingClientRect();
    const covered = [...document.querySelectorAll(COVERS)]
      .map((el) => el.getBoundingClientRect())
      .filter((r) => r.width > 0 && r.height > 0)
      .map((r) => [r.left - view.left, r.top - view.top, r.right - view.left, r.bottom - view.top] as const);
    camera.updateMatrixWorld();
    const byId = new Map<string, LabelItem>();
    const candidates: LabelCandidate[] = [];
    for (const it of items) {
      _p.set(it.anchor[0], it.anchor[1], it.anchor[2]);
      const depth = _p.distanceTo(camera.position);
      _p.project(camera);
      if (_p.z < -1 || _p.z > 1) continue;
      byId.set(it.id, it);
      candidates.push({
        id: it.id,
        x: ((_p.x + 1) / 2) * width,
        y: ((1 - _p.y) / 2) * height,
        depth,
        width: labelWidth(it.text),
        height: LABEL_HEIGHT,
        priority: selected.has(it.id),
      });
    }
    const placed = placeLabels(candidates, width, height, MAX_BOX_LABELS, covered);
    const els = pool.current;
    while (els.length < placed.length) {
      const el = document.createElement('div');
      el.className = 'box-label';
      div.appendChild(el);
      els.push(el);
    }
    placed.forEach((p, i) => {
      const it = byId.get(p.id)!;
      const el = els[i];
      if (el.textContent !== it.text) el.textContent = it.text;
      if (el.dataset.id !== it.id) el.dataset.id = it.id;
      el.style.color = it.color;
      el.style.display = '';
      el.style.transform = `translate(${Math.round(p.left)}px, ${Math.round(p.top)}px)`;
      el.classList.toggle('selected', selected.has(it.id));
    });
    for (let i = placed.length; i < els.length; i++) {
      els[i].style.display = 'none';
      delete els[i].dataset.id;
    }
  });
  return null;
}
