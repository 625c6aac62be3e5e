import type { Cuboid } from '../../types.ts';
import { boxLineValues } from '../openpcdet/boxLines.ts';
import { roundTo } from '../common/roundTo.ts';

/** One frame of an mmdet3d info file. */
export interface Mmdet3dInfoFrame {
  frameId: string;
  /** File name under `points/` (`data_prefix.pts`), e.g. `000001.bin`. */
  lidarFile: string;
  cuboids: readonly Cuboid[];
}

/**
 * An mmdetection3d 1.x info file as JSON (mmengine's `BaseDataset` loads an annotation file with
 * `mmengine.load`, which picks the JSON handler by the `.json` extension, and wants a dict with
 * `metainfo` and `data_list`). Each `data_list` entry is what `Det3DDataset.parse_data_info` reads:
 * `sample_idx`, `lidar_points` (`lidar_path` under `data_prefix.pts`, `num_pts_feats` 4: x y z
 * intensity) and `instances` with `bbox_3d` and `bbox_label_3d` (index into `metainfo.classes`).
 *
 * `bbox_3d` is `[x, y, z, dx, dy, dz, yaw]` in the LiDAR frame with `z` the **bottom** of the box:
 * `LiDARInstance3DBoxes` takes its tensor with the relative origin (0.5, 0.5, 0) unless told
 * otherwise, and the custom-dataset guide builds the boxes that way. `yaw` is 0 along +x and grows
 * toward +y (mmdet3d ≥ 1.0). Values come from the same settled numbers as `labels/*.txt`.
 */
export function formatMmdet3dInfos(frames: readonly Mmdet3dInfoFrame[], classes: readonly string[]): string {
  const categories: Record<string, number> = {};
  classes.forEach((c, i) => {
    categories[c] = i;
  });
  const dataList = frames.map((f, i) => ({
    sample_idx: i,
    frame_id: f.frameId,
    lidar_points: { num_pts_feats: 4, lidar_path: f.lidarFile },
    instances: f.cuboids.map((c) => {
      const v = boxLineValues(c);
      return { bbox_3d: [v[0], v[1], roundTo(v[2] - v[5] / 2, 6), v[3], v[4], v[5], v[6]], bbox_label_3d: categories[c.label] ?? -1 };
    }),
  }));
  return `${JSON.stringify({ metainfo: { classes, categories, dataset: 'custom', info_version: '1.1' }, data_list: dataList })}\n`;
}
