import { nuscenesCameraChannel, nuscenesCameraRows, nuscenesSampleCameras } from '../../../domain/camera/nuscenesCameras.ts';
import type { NuscenesTables } from '../../../domain/nuscenes/NuscenesTables.ts';
import type { Pose } from '../../../domain/poses/Pose.ts';
import type { DatasetSource, ListedFile } from '../DatasetSource.ts';
import { cameraImageType, type DatasetCamera } from '../DatasetCamera.ts';

/** The cameras of each nuScenes sample, by sample token: what `scanNuscenes` gives each LiDAR frame. */
export interface NuscenesCameraIndex {
  cameras(sampleToken: string, lidarPose: Pose): DatasetCamera[];
}

/**
 * Lists the folders of the tables' camera keyframes (`samples/CAM_*`, one listing per channel, at
 * the scan) so that every image ref comes from a listing. A keyframe whose file is not there keeps
 * its camera with `image` null (its image route answers 404 naming the file); how many are missing
 * is one warning.
 */
export async function indexNuscenesCameras(source: DatasetSource, tables: NuscenesTables, warnings: string[]): Promise<NuscenesCameraIndex> {
  const rows = nuscenesCameraRows(tables);
  const channels = new Set<string>();
  for (const list of rows.values()) for (const sd of list) channels.add(nuscenesCameraChannel(sd.filename) as string);
  const files = new Map<string, ListedFile>();
  for (const channel of [...channels].sort()) {
    const listed = await source.listFolder(`samples/${channel}`, { accept: (n) => /\.(jpe?g|png)$/i.test(n), needSize: false });
    warnings.push(...listed.warnings);
    for (const f of listed.files) files.set(`samples/${channel}/${f.name}`, f);
  }
  let missing = 0;
  let example = '';
  for (const list of rows.values())
    for (const sd of list)
      if (!files.has(sd.filename)) {
        missing++;
        example ||= sd.filename;
      }
  if (missing > 0)
    warnings.push(`${missing} camera image(s) that sample_data.json lists are not in the dataset (their cameras show no image), e.g. ${example}`);
  return {
    cameras(sampleToken, lidarPose) {
      return nuscenesSampleCameras(tables, rows.get(sampleToken) ?? [], lidarPose).map((c) => {
        const file = files.get(c.filename);
        return {
          name: c.channel,
          label: c.channel,
          colour: true,
          file: c.filename,
          image: file === undefined ? null : { path: file.ref, contentType: cameraImageType(file.name) },
          projection: c.projection,
          problem: c.problem,
        };
      });
    },
  };
}
