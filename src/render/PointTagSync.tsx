import { useEffect, useMemo, useRef, useState } from 'react';
import { useThree } from '@react-three/fiber';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore, usePage } from './EditorContext.ts';
import { selectDisplayedCuboids } from '../state/selectors.ts';
import { useRenderState } from './renderState.ts';
import { boxTableTexels, hexToRgb } from './boxTable.ts';
import { classColor } from './classColors.ts';

/** Wait after the last box change before the worker renumbers the points (a drag moves boxes every frame). */
const RENUMBER_DELAY_MS = 120;

/**
 * Keeps the point shader's per-point tags of the open frame current, asking the worker only for
 * what a filter needs: the ground flags while the ground is hidden, the box of each point while a
 * box or class is hidden or points are coloured by class (again whenever a box moves, after a
 * short pause). The box table (class colour, hidden or shown per box) is rebuilt on the main
 * thread: one entry per box, no per-point work.
 */
export function PointTagSync({ frameId }: { frameId: string }) {
  const { io } = usePage();
  const { pointTags } = useRenderState();
  const invalidate = useThree((s) => s.invalidate);
  const loaded = useAppStore((s) => s.load.status === 'done' && s.load.frameId === frameId);
  const hideGround = useAppStore((s) => s.visibility.hideGround);
  const hiddenClasses = useAppStore((s) => s.visibility.hiddenClasses);
  const hiddenBoxIds = useAppStore((s) => s.visibility.hiddenBoxIds);
  const byClass = useAppStore((s) => s.view.colorMode === 'boxClass');
  const cuboids = useAppStore(useShallow(selectDisplayedCuboids));
  const needBoxes = byClass || hiddenClasses.length > 0 || hiddenBoxIds.length > 0;
  const [numbered, setNumbered] = useState(0);
  const latest = useRef(cuboids);
  latest.current = cuboids;
  // Only a change of a box's place, size or heading (or the box list) needs the points renumbered.
  const shapeKey = useMemo(() => cuboids.map((c) => `${c.id}:${c.center.join(',')}:${c.size.join(',')}:${c.yaw}`).join('|'), [cuboids]);

  useEffect(() => {
    if (!hideGround || !loaded || pointTags.hasGround(frameId)) return;
    let live = true;
    void io
      .worker()
      .groundMask(frameId)
      .then((mask) => {
        if (!live || !mask) return;
        pointTags.setGround(frameId, mask);
        invalidate();
      });
    return () => {
      live = false;
    };
  }, [hideGround, loaded, frameId, io, pointTags, invalidate]);

  useEffect(() => {
    if (!needBoxes || !loaded) return;
    let live = true;
    const t = setTimeout(() => {
      const boxes = latest.current;
      const ids = boxes.map((c) => c.id);
      const shapes = boxes.map((c) => ({ center: c.center, size: c.size, yaw: c.yaw }));
      void io
        .worker()
        .boxOfEachPoint(frameId, shapes)
        .then((box) => {
          if (!live || !box) return;
          pointTags.setBoxes(frameId, box, ids);
          setNumbered((n) => n + 1);
        });
    }, RENUMBER_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [needBoxes, loaded, frameId, shapeKey, io, pointTags]);

  useEffect(() => {
    const ids = pointTags.boxIds(frameId);
    if (!needBoxes || ids.length === 0) {
      pointTags.setTable(null, false);
    } else {
      const labels = new Map(cuboids.map((c) => [c.id, c.label]));
      const texels = boxTableTexels({
        boxIds: ids,
        labelOf: (id) => labels.get(id),
        hiddenClasses,
        hiddenBoxIds,
        colorOf: (label) => hexToRgb(classColor(label)),
      });
      pointTags.setTable(texels, true);
    }
    invalidate();
  }, [numbered, cuboids, hiddenClasses, hiddenBoxIds, needBoxes, frameId, pointTags, invalidate]);

  return null;
}
