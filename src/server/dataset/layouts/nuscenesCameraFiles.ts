import { nuscenesCameraChannel, type NuscenesSampleCamera } from '../../../domain/camera/nuscenesCameras.ts';
import type { DatasetSource, ListedFile } from '../DatasetSource.ts';
import { cameraImageType, type DatasetCamera } from '../DatasetCamera.ts';

/** The listed camera images of a nuScenes dataset: what `scanNuscenes` gives each LiDAR frame. */
export interface NuscenesCameraIndex {
  /** A sample's cameras (from the tables) with their listed image, or `image` null when the file is not there. */
  cameras(sampleCameras: readonly NuscenesSampleCamera[]): DatasetCamera[];
}

/**
 * Lists the folders of the tables' camera keyframes (`cameraFiles`: every camera file `samples/CAM_X/NAME`
 * file the tables name; one listing per channel, at the scan) so that every image ref comes from
 * a listing. A keyframe whose file is not there keeps its camera with `image` null (its image
 * route answers 404 naming the file); how many are missing is one warning.
 */
export async function indexNuscenesCameras(source: DatasetSource, cameraFiles: readonly string[], warnings: string[]): Promise<NuscenesCameraIndex> {
  const channels = new Set<string>();
  for (const f of cameraFiles) channels.add(nuscenesCameraChannel(f) as string);
  const files = new Map<string, ListedFile>();
  for (const channel of [...channels].sort()) {
    const listed = await source.listFolder(`samples/${channel}`, { accept: (n) => /\.(jpe?g|png)$/i.test(n), needSize: false });
    warnings.push(...listed.warnings);
    for (const f of listed.files) files.set(`samples/${channel}/${f.name}`, f);
  }
  let missing = 0;
  let example = '';
  for (const f of cameraFiles)
    if (!files.has(f)) {
      missing++;
      example ||= f;
    }
  if (missing > 0)
    warnings.push(`${missing} camera image(s) that sample_data.json lists are not in the dataset (their cameras show no image), e.g. ${example}`);
  return {
    cameras(sampleCameras) {
      return sampleCameras.map((c) => {
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
