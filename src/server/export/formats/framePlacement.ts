import type { FramePose } from '../../../domain/poses/Pose.ts';
import type { DatasetFrame } from '../../dataset/Dataset.ts';

/**
 * A frame's sequence and ego pose, when its dataset layout knows them (KITTI tracking with
 * `oxts/`, nuScenes with `ego_pose`): read from the frame's optional `sequence` and `pose` fields,
 * so flat and KITTI object datasets (which have neither) get `{ sequence: '', pose: null }`.
 */
export function framePlacement(frame: DatasetFrame): FramePose | { sequence: string; pose: null } {
  const f = frame as DatasetFrame & { sequence?: unknown; pose?: unknown };
  const sequence = typeof f.sequence === 'string' ? f.sequence : '';
  const pose = Array.isArray(f.pose) && f.pose.length === 16 && f.pose.every((v) => typeof v === 'number' && Number.isFinite(v)) ? (f.pose as number[]) : null;
  return pose === null ? { sequence, pose: null } : { sequence, pose };
}
