import type { SampleDatasetOptions, SampleFile, SampleFrameSummary } from './buildSampleDataset.ts';

const FORMAT_TEXT: Record<string, string> = {
  ascii: 'PCD, DATA ascii (x y z intensity)',
  binary: 'PCD, DATA binary',
  binary_compressed: 'PCD, DATA binary_compressed',
  bin: 'KITTI .bin (float32 x y z reflectance)',
};

const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(2)} MB`;
const thousands = (n: number): string => String(n).replace(/\B(?=(\d{3})+$)/g, ',');

/** The text of `samples/README.md`, with the figures of this generation. */
export function sampleReadme(opts: SampleDatasetOptions, frames: SampleFrameSummary[], files: SampleFile[]): string {
  const sizeOf = (path: string): number => files.find((f) => f.path === path)?.bytes.length ?? 0;
  const rows = frames.map((f) => {
    const labelled = f.objects.filter((o) => o.labelled);
    const behind = labelled.filter((o) => !o.inCamera).length;
    const image = sizeOf(`image_2/${f.frameId}.png`);
    const imageCell = image > 0 ? `${(image / 1e3).toFixed(0)} kB` : '–';
    return `| ${f.frameId} | \`velodyne/${f.file}\` | ${FORMAT_TEXT[f.format]} | ${thousands(f.points)} | ${mb(sizeOf(`velodyne/${f.file}`))} | ${imageCell} | ${labelled.length} (${behind} outside camera 2) |`;
  });
  const classes = new Map<string, Set<string>>();
  for (const f of frames) {
    for (const o of f.objects) {
      if (!o.labelled) continue;
      const set = classes.get(o.sim.label) ?? new Set<string>();
      set.add(o.sim.trackId);
      classes.set(o.sim.label, set);
    }
  }
  const classText = [...classes.entries()].map(([c, s]) => `${c} ${s.size}`).join(', ');
  const total = files.reduce((s, f) => s + f.bytes.length, 0);
  const s = opts.sensor;
  return `# Sample dataset (simulated)

Ten consecutive frames of a simulated 64-beam spinning LiDAR on a car driving slowly down a city
street, with a synthetic image of the front camera, in the KITTI object layout. **Nothing here is
real sensor data and nothing was copied from KITTI:** every file is written by the project's own
scene simulator (\`src/sim/\`). It exists so that \`npm start\` has a dataset to open and so that
tests and demos have labelled frames.

Licence: part of the Cuboid project and released under the project's own licence; it contains no
third-party data.

## Regenerating

\`npm run samples\` (\`tsx src/sim/generateSamples.ts\`) rewrites this folder byte for byte: the
simulator uses a seeded generator (seed ${opts.seed}) and hashes, never \`Math.random\` or the clock.
The PNG images are compressed with node:zlib (level 9); another zlib build may give other PNG bytes
for the same pixels. It replaces \`velodyne/\`, \`image_2/\`, \`calib/\`,
\`label_2/\`, \`poses.txt\`, \`ground_truth.json\` and this README, and leaves everything else in the folder alone
(for example \`.cuboid/\`).

## Files

| frame | points file | encoding | points | size | image_2 | label lines |
| --- | --- | --- | --- | --- | --- | --- |
${rows.join('\n')}

- \`velodyne/\`: one point file per frame. The binary and binary_compressed PCD files have the
  fields \`x y z intensity\` (F4), \`ring\` (U2, 0 = lowest beam) and \`t\` (F4, seconds since the
  start of the sweep); the ascii PCD file carries \`x y z intensity\` only (PCL's PointXYZI), which
  keeps the text near the size of the binary file, and the \`.bin\` file x y z and intensity as in
  KITTI. LiDAR frame: x forward, y left, z up, metres, origin at the optical centre
  ${s.mountHeight} m above the road, so the road lies near z = −${s.mountHeight}. Coordinates are rounded to 1 mm
  and intensities to 0.01. Points are in firing order (column by column, each column bottom ring
  to top); lost returns are left out (no NaN points).
- \`image_2/\`: a synthetic 1242×375 RGB PNG per frame, what camera 2 would see at the frame's
  time: the same scene ray cast from camera 2's optical centre through each pixel centre, with the
  camera placed by this folder's calibration (P2, R0_rect, Tr_velo_to_cam), so the label boxes
  projected with that calibration land on the objects in the image. It is a flat-shaded drawing,
  not a photograph (see "How the frames are made").
- \`calib/\`: a KITTI-style calibration (the same for every frame) for a 1242×375 camera 2,
  R0_rect near identity and a Tr_velo_to_cam like KITTI's rig. The numbers are the project's own.
- \`label_2/\`: ground-truth KITTI lines (15 columns, \`%.2f\`) written by \`cuboidToKitti\` and
  \`formatKittiLabel\` with that calibration, for every object with at least 5 points inside its
  box. Labelled objects over the sequence (distinct tracks): ${classText}.
- \`poses.txt\`: the ego poses in the KITTI odometry format, one line per frame in frame order:
  the 3×4 row-major pose of camera 0 of that frame in camera 0 of frame 000000 (metres), through
  this folder's Tr_velo_to_cam. Cuboid reads it as LiDAR poses in frame 000000's LiDAR frame, so
  interpolation and propagation follow the ego's motion.
- \`cuboid.json\`: the dataset file declaring the \`.bin\` layout (\`xyzi\`), so that its reading is
  not a guess that every \`serve\`, \`check\` and \`export\` warns about.
- \`ground_truth.json\`: per frame, the LiDAR pose in the street's world frame and every object
  (labelled or not) with its track id, class, LiDAR-frame box (centre, size [l, w, h], yaw), points
  inside the box, points that actually came from the object, occlusion share, camera visibility,
  speed; plus a \`generator\` block with the seed and every sensor parameter.

Total: ${mb(total)} (${(total / 1024 / 1024).toFixed(1)} MiB).

## Label conventions

- **Objects outside camera 2 are labelled too.** A LiDAR annotation tool labels all around the
  car, so objects behind the camera or outside its field of view (FORMATS.md §2.5 step 6) keep a
  line, with bbox \`0.00 0.00 0.00 0.00\` and truncated \`1.00\`. Pipelines that train on camera-2
  objects only (as mmdet3d's KITTI converter does) should drop lines with an empty bbox.
- \`occluded\` comes from the LiDAR's view, not the camera's: the share of the rays that would hit
  the object if it stood alone but hit something nearer instead (0: < 20 %, 1: < 60 %, 2: more).
- \`truncated\` = 1 − (clipped 2D box area / unclipped area).
- \`alpha\` uses the LiDAR-origin formula, \`wrap(ry + atan2(cy, cx))\` (FORMATS.md §2.6).
- Track ids (\`car-03\`, \`ped-07\`, ...) are stable across frames in \`ground_truth.json\`.

## How the frames are made

- **Sensor** (HDL-64E-like): ${s.beams} beams from +2.0° to −24.9° (32 beams ≈1/3° apart above
  −8.33°, 32 beams ≈1/2° apart below), ${s.azimuthSteps} firings per turn, ${s.sweepPeriod * 1000} ms per sweep,
  ${s.minRange}–${s.maxRange} m range, Gaussian range noise σ = ${s.rangeNoise * 100} cm, returns lost at
  random (${s.baseDropout * 100} % base, more on glass, dark paint, at grazing angles and at long range).
  Intensity = reflectivity × (0.3 + 0.7·cos incidence), with retroreflective signs and licence plates.
- **Scene**: a crowned road with lane markings and a zebra crossing on a gently uneven ground,
  kerbs and sidewalks, building rows with gaps and two cross streets, street lamps, signs,
  bollards, hedges and trees (trunk + porous crown); parked and moving cars, vans and trucks,
  pedestrians (walking with swinging legs and arms, or standing) and cyclists (rider + bicycle).
  Everything is made of planes, boxes, cylinders and ellipsoids; each ray keeps its nearest hit, so
  occlusion is exact.
- **Camera**: one ray per pixel, nearest hit among the ground and the same primitives as the
  LiDAR sees (foliage drawn solid). Colours are flat: a base colour per material (asphalt with the
  white lane markings and zebra crossing of the laser reflectivity map, kerbs, sidewalks, facades
  with window grids, green crowns and hedges, grey poles, blue signs), one paint per car (cars whose
  laser paint is dark are black), clothing per pedestrian; Lambert light from a fixed sun with the
  shadows cast by the road users (not by buildings or trees), a sky gradient and distance haze.
  No noise, blur, lens distortion or exposure effects; edges are not anti-aliased.
- **Motion**: frames are ${opts.frameInterval} s apart; the ego car drives at ${opts.egoSpeed} m/s, cars at
  about 3.5–9 m/s, cyclists about 4 m/s, pedestrians about 1.2–1.5 m/s; parked cars, a waiting truck
  and a standing pedestrian do not move.
- **Simplifications**: the scene is frozen at each frame's time (no motion distortion within a
  sweep; \`t\` still gives each firing's time); the sensor does not pitch or roll; one return per
  firing; shapes are coarse.
`;
}
