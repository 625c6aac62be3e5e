import { useEffect, useMemo, useRef } from 'react';
import { useThree } from '@react-three/fiber';
import { BufferAttribute, BufferGeometry, Sphere, Vector3 } from 'three';
import type { Cuboid } from '../domain/types.ts';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore, usePage } from './EditorContext.ts';
import { selectDisplayedCuboids } from '../state/selectors.ts';
import { closeUpFilters } from './closeUpFilters.ts';

const BIG_SPHERE = new Sphere(new Vector3(), 1e5);

/**
 * The points near `box` at full density (gathered by the worker), for the close-up views and the
 * near-selection layer of a decimated overview, with the points the ground and hidden-box filters
 * hide flagged in `aHidden` (asked again when those filters or, while a box is hidden, any box
 * change). While merged sweeps are shown, the merged points kept for picking (up to 8 a 0.4 m
 * voxel, from every sweep: a sparse far object seen dense), coloured by height. Until they arrive
 * nothing is drawn.
 */
export function useNearBoxGeometry(frameId: string, box: Pick<Cuboid, 'center' | 'size' | 'yaw'>, margin: number, colorMode: string): BufferGeometry {
  const invalidate = useThree((s) => s.invalidate);
  const { io } = usePage();
  const cuboids = useAppStore(useShallow(selectDisplayedCuboids));
  const hideGround = useAppStore((s) => s.visibility.hideGround);
  const hiddenClasses = useAppStore((s) => s.visibility.hiddenClasses);
  const hiddenBoxIds = useAppStore((s) => s.visibility.hiddenBoxIds);
  const { filters, key: filtersKey } = useMemo(
    () => closeUpFilters(cuboids, { hideGround, hiddenClasses, hiddenBoxIds }),
    [cuboids, hideGround, hiddenClasses, hiddenBoxIds],
  );
  const mergedKey = useAppStore((s) => (s.merge.status === 'ready' ? s.merge.key : null));
  const latestFilters = useRef(filters);
  latestFilters.current = filters;
  const geometry = useMemo(() => {
    const g = new BufferGeometry();
    g.boundingSphere = BIG_SPHERE;
    g.setDrawRange(0, 0);
    return g;
  }, []);
  useEffect(() => () => geometry.dispose(), [geometry]);

  useEffect(() => {
    let live = true;
    const shape = { center: box.center, size: box.size, yaw: box.yaw };
    const t = setTimeout(() => {
      const f = latestFilters.current;
      const ask = mergedKey
        ? (async () => {
            const ground = f?.ground ? ((await io.worker().ground(frameId)) ?? undefined) : undefined;
            const near = await io.mergeWorker().pointsNearBox(mergedKey, shape, margin, f ? { ground, boxes: f.boxes, hidden: f.hidden } : undefined);
            return near && { ...near, values: null, colors: null };
          })()
        : io.worker().pointsNearBox(frameId, shape, margin, colorMode, f);
      void ask
        .then((near) => {
          if (!live || !near) return;
          geometry.setAttribute('position', new BufferAttribute(near.positions, 3));
          if (near.values) geometry.setAttribute('aValue', new BufferAttribute(near.values, 1));
          else geometry.deleteAttribute('aValue');
          if (near.colors) geometry.setAttribute('aColor', new BufferAttribute(near.colors, 3, true));
          else geometry.deleteAttribute('aColor');
          if (near.hidden) geometry.setAttribute('aHidden', new BufferAttribute(near.hidden, 1));
          else geometry.deleteAttribute('aHidden');
          geometry.setDrawRange(0, near.positions.length / 3);
          invalidate();
        })
        .catch(() => undefined);
    }, 30);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [frameId, mergedKey, box.center, box.size, box.yaw, margin, colorMode, filtersKey, geometry, invalidate, io]);
  return geometry;
}
