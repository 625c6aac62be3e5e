import { useEffect, useMemo } from 'react';
import { useThree } from '@react-three/fiber';
import { BufferAttribute, BufferGeometry, Sphere, Vector3 } from 'three';
import type { Cuboid } from '../domain/types.ts';
import { usePage } from './EditorContext.ts';

const BIG_SPHERE = new Sphere(new Vector3(), 1e5);

/**
 * The points near `box` at full density (gathered by the worker), for the close-up views and the
 * near-selection layer of a decimated overview. Until they arrive nothing is drawn.
 */
export function useNearBoxGeometry(frameId: string, box: Pick<Cuboid, 'center' | 'size' | 'yaw'>, margin: number, colorMode: string): BufferGeometry {
  const invalidate = useThree((s) => s.invalidate);
  const { io } = usePage();
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
      void io
        .worker()
        .pointsNearBox(frameId, shape, margin, colorMode)
        .then((near) => {
          if (!live || !near) return;
          geometry.setAttribute('position', new BufferAttribute(near.positions, 3));
          if (near.values) geometry.setAttribute('aValue', new BufferAttribute(near.values, 1));
          else geometry.deleteAttribute('aValue');
          if (near.colors) geometry.setAttribute('aColor', new BufferAttribute(near.colors, 3, true));
          else geometry.deleteAttribute('aColor');
          geometry.setDrawRange(0, near.positions.length / 3);
          invalidate();
        });
    }, 30);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [frameId, box.center, box.size, box.yaw, margin, colorMode, geometry, invalidate, io]);
  return geometry;
}
