/** What an export download holds: only accepted frames (for training) or every frame. */
export type ExportScope = 'accepted' | 'all';

/**
 * The `/api/export.zip` link of an export scope; point clouds go in as KITTI `.bin`, the only
 * format OpenPCDet and mmdet3d read (built by the actions layer from the API client).
 */
export { exportZipHref } from '../../actions/dashboard/metricsQueries.ts';
