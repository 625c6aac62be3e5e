import { useEffect, useMemo } from 'react';
import { BufferGeometry, Float32BufferAttribute, Line, LineBasicMaterial } from 'three';
import { useAppStore } from './EditorContext.ts';
import { CuboidBox } from './CuboidBox.tsx';
import { useEgoPoses } from './useEgoPoses.ts';
import { trackInFrame } from '../domain/poses/trackInFrame.ts';

/**
 * The selected track across the sequence, drawn in the open frame's view: every frame's box of the
 * track as a faint outline and a line through their centres in frame order. With ego poses the
 * boxes are moved through the world frame into the open frame's LiDAR frame (`trackInFrame`), so a
 * parked car is one box while the ego moves and a moving one shows its path over the ground, the
 * frame the merged sweeps are drawn in; without poses each box stays in its own frame's sensor
 * frame (a static object then drifts by the ego motion).
 */
export function TrajectoryView() {
  const trackId = useAppStore((s) => s.tracks.selectedTrackId);
  const frames = useAppStore((s) => s.tracks.frames);
  const currentId = useAppStore((s) => s.currentFrameId);
  const poses = useEgoPoses();
  const placed = useMemo(() => {
    if (!trackId || !currentId) return [];
    const own = frames.map((f) => ({ frameId: f.frameId, boxes: f.cuboids.filter((c) => c.trackId === trackId) }));
    return trackInFrame(own, currentId, poses).boxes;
  }, [trackId, frames, currentId, poses]);
  const boxes = useMemo(() => placed.filter((p) => p.frameId !== currentId).map((p) => ({ ...p.box, id: `${p.frameId}:${p.box.id}` })), [placed, currentId]);
  const path = useMemo(() => {
    const centres = placed.map((p) => p.box.center);
    const g = new BufferGeometry();
    g.setAttribute(
      'position',
      new Float32BufferAttribute(
        centres.flatMap((c) => [c[0], c[1], c[2]]),
        3,
      ),
    );
    return new Line(g, new LineBasicMaterial({ color: '#f5d90a' }));
  }, [placed]);
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
