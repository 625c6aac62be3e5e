import type { KittiCalib } from './KittiCalib.ts';
import { createKittiCalib } from './createKittiCalib.ts';

/**
 * The calibration to use when a dataset has no camera (§2.8.3): `R0_rect = I` and the pure axis
 * permutation `Tr_velo_to_cam = [[0,−1,0,0],[0,0,−1,0],[1,0,0,0]]` (camera x = −LiDAR y,
 * y = −LiDAR z, z = LiDAR x), the convention of OpenPCDet's custom-set evaluation and mmdet3d's
 * `Box3DMode`. Labels written with it map back to the LiDAR boxes exactly.
 *
 * `P2` is a plausible 1242×375 camera (KITTI 2011_09_26 intrinsics, fx = fy = 721.5377,
 * cx = 609.5593, cy = 172.854) with no baseline offset, so that projections are defined; the 2D
 * label fields are still meaningless and `synthetic` is `true`.
 */
export function syntheticCalib(): KittiCalib {
  return createKittiCalib({
    P2: [721.5377, 0, 609.5593, 0, 0, 721.5377, 172.854, 0, 0, 0, 1, 0],
    R0_rect: [1, 0, 0, 0, 1, 0, 0, 0, 1],
    Tr_velo_to_cam: [0, -1, 0, 0, 0, 0, -1, 0, 1, 0, 0, 0],
    synthetic: true,
  });
}
