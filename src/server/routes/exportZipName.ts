/**
 * The file name of an export zip: `DATASET-FORMAT.zip`, with the statuses asked for when a filter
 * is on (`samples-kitti-accepted.zip`), so the lead's two downloads do not share a name.
 */
export function exportZipName(root: string, format: string, status: string | undefined): string {
  const dataset = (root.replace(/\/+$/, '').split('/').pop() ?? '').replace(/[^\w.-]/g, '_') || 'dataset';
  const statuses = (status ?? '')
    .split(',')
    .map((s) => s.trim().replace(/[^\w-]/g, '_'))
    .filter(Boolean);
  return `${dataset}-${format}${statuses.length > 0 ? `-${statuses.join('+')}` : ''}.zip`;
}
