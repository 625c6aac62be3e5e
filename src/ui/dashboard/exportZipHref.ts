/** What an export download holds: only accepted frames (for training) or every frame. */
export type ExportScope = 'accepted' | 'all';

/**
 * The `/api/export.zip` link of an export scope; point clouds go in as KITTI `.bin` (`bin=1`), the
 * only format OpenPCDet and mmdet3d read. Same query as `api.exportZipUrl({statuses, bin})` in
 * io/apiClient.ts, which ui may not import (STYLE.md §4.1).
 */
// todo: call an actions-layer wrapper of api.exportZipUrl (beside metricsCsvHref) once there is one.
export function exportZipHref(scope: ExportScope): string {
  const params = new URLSearchParams();
  if (scope === 'accepted') params.set('status', 'accepted');
  params.set('bin', '1');
  return `/api/export.zip?${params.toString()}`;
}
