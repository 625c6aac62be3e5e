import { useEffect, useMemo } from 'react';
import { BufferGeometry, Float32BufferAttribute, Line, LineBasicMaterial } from 'three';
import { useAppStore } from './EditorContext.ts';
import { CuboidBox } from './CuboidBox.tsx';

/**
 * The selected track across the sequence, drawn in the open frame's view: every frame's box of the
 * track as a faint outline and a line through their centres in frame order. Boxes are in each
 * frame's own sensor frame (the dataset gives no ego poses), so a static object drifts by the ego
 * motion; moving ones show their path relative to the sensor.
 */
export function TrajectoryView() {
  const trackId = useAppStore((s) => s.tracks.selectedTrackId);
  const frames = useAppStore((s) => s.tracks.frames);
  const currentId = useAppStore((s) => s.currentFrameId);
  const boxes = useMemo(() => {
    if (!trackId) return [];
    return frames.flatMap((f) =>
      f.frameId === currentId ? [] : f.cuboids.filter((c) => c.trackId === trackId).map((c) => ({ ...c, id: `${f.frameId}:${c.id}` })),
    );
  }, [trackId, frames, currentId]);
  const path = useMemo(() => {
    const centres = frames.flatMap((f) => f.cuboids.filter((c) => c.trackId === trackId).map((c) => c.center));
    const g = new BufferGeometry();
    g.setAttribute(
      'position',
      new Float32BufferAttribute(
        centres.flatMap((c) => [c[0], c[1], c[2]]),
        3,
      ),
    );
    return new Line(g, new LineBasicMaterial({ color: '#f5d90a' }));
  }, [frames, trackId]);
  useEffect(
    () => () => {
      path.geometry.dispose();
      (path.material as LineBasicMaterial).dispose();
    },
    [path],
  );
  if (!trackId || boxes.length === 0) return null;
  return (
    <group>
      {boxes.map((b) => (
        <CuboidBox key={b.id} cuboid={b} fillOpacity={0.02} />
      ))}
      <primitive object={path} />
    </group>
  );
}
