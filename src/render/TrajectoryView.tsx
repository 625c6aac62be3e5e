import { useMemo } from 'react';
import { Line } from '@react-three/drei';
import { useAppStore } from './EditorContext.ts';
import { useEgoPoses } from './useEgoPoses.ts';
import { trackInFrame } from '../domain/poses/trackInFrame.ts';
import { trajectoryLines } from '../domain/sequence/trajectoryLines.ts';

const COLOR = '#f5d90a';
/** Drawn over the points and boxes: a path under a car's points would be lost in them. */
const ON_TOP = 20;

type Point = [number, number, number];

function points(flat: readonly number[]): Point[] {
  const out: Point[] = [];
  for (let i = 0; i + 2 < flat.length; i += 3) out.push([flat[i], flat[i + 1], flat[i + 2]]);
  return out;
}

/**
 * The selected track across the sequence, drawn in the open frame's view (`trajectoryLines`): a
 * path through its boxes' bottom centres in frame order with chevrons pointing the way it goes, a
 * dot where each frame's box stands, and the other frames' footprints, faint, each with a tick
 * to its front. With ego poses the boxes are moved through the world frame into the open frame's
 * LiDAR frame (`trackInFrame`), so a parked car is one footprint while the ego moves and a moving
 * one shows its path over the ground, the frame the merged sweeps are drawn in; without poses each
 * box stays in its own frame's sensor frame (a static object then drifts by the ego motion).
 */
export function TrajectoryView() {
  const trackId = useAppStore((s) => s.tracks.selectedTrackId);
  const frames = useAppStore((s) => s.tracks.frames);
  const currentId = useAppStore((s) => s.currentFrameId);
  const poses = useEgoPoses();
  const lines = useMemo(() => {
    if (!trackId || !currentId) return null;
    const own = frames.map((f) => ({ frameId: f.frameId, boxes: f.cuboids.filter((c) => c.trackId === trackId) }));
    const placed = trackInFrame(own, currentId, poses).boxes;
    if (placed.every((p) => p.frameId === currentId)) return null;
    const l = trajectoryLines(
      placed.map((p) => p.box),
      placed.findIndex((p) => p.frameId === currentId),
    );
    return { path: points([...l.path, ...l.arrows]), footprints: points(l.footprints), stops: new Float32Array(l.stops) };
  }, [trackId, frames, currentId, poses]);
  if (lines === null) return null;
  return (
    <group renderOrder={ON_TOP}>
      {lines.footprints.length > 0 && (
        <Line points={lines.footprints} segments color={COLOR} lineWidth={1} transparent opacity={0.45} depthTest={false} renderOrder={ON_TOP} />
      )}
      {lines.path.length > 0 && <Line points={lines.path} segments color={COLOR} lineWidth={2.5} depthTest={false} renderOrder={ON_TOP + 1} />}
      <points renderOrder={ON_TOP + 2}>
        <bufferGeometry>
          <bufferAttribute attach="attributes-position" args={[lines.stops, 3]} />
        </bufferGeometry>
        <pointsMaterial color={COLOR} size={7} sizeAttenuation={false} depthTest={false} />
      </points>
    </group>
  );
}
