import { describe, expect, it } from 'vitest';
import { parseBoxLines } from '../../../../src/domain/formats/openpcdet/boxLines.ts';
import { parseOpenLabel } from '../../../../src/domain/formats/openlabel/parseOpenLabel.ts';
import { parseNuscenesTables } from '../../../../src/domain/nuscenes/parseNuscenesTables.ts';

/** Malformed label files of the import formats: each error names the file and the field. */
describe('malformed label files', () => {
  const ol = (body: object): string => JSON.stringify({ openlabel: { metadata: { schema_version: '1.0.0' }, ...body } });
  const cases: [string, () => unknown, RegExp][] = [
    ['box line with 7 values', () => parseBoxLines('1 2 3 4 5 6 Car\n', '000001.txt'), /^000001\.txt: line 1: expected 8 values/],
    ['box line with a bad number', () => parseBoxLines('1 2 x 4 5 6 0 Car\n', '000001.txt'), /^000001\.txt: line 1, field "z": "x" is not a number/],
    ['box line with a zero size', () => parseBoxLines('\n1 2 3 0 5 6 0 Car\n', '000002.txt'), /^000002\.txt: line 2, field "dx": 0 is not above 0/],
    [
      'OpenLABEL that is not JSON',
      () => parseOpenLabel('{"openlabel": ', 'ol.json'),
      /^ol\.json: not valid JSON: the text ends before the JSON does, at line 1, column 15: is the file cut short\?/,
    ],
    ['OpenLABEL without a root', () => parseOpenLabel('{}', 'ol.json'), /^ol\.json: openlabel: the root object "openlabel" is missing/],
    [
      'OpenLABEL of another version',
      () => parseOpenLabel(JSON.stringify({ openlabel: { metadata: { schema_version: '0.3.0' } } }), 'ol.json'),
      /schema_version: "0\.3\.0" is not an OpenLABEL 1\.x version/,
    ],
    [
      'OpenLABEL frame object missing from objects',
      () => parseOpenLabel(ol({ objects: {}, frames: { '0': { objects: { '7': { object_data: {} } } } } }), 'ol.json'),
      /^ol\.json: openlabel\.frames\["0"\]\.objects\["7"\]: object "7" is not declared in openlabel\.objects/,
    ],
    [
      'OpenLABEL cuboid val of 8 numbers',
      () =>
        parseOpenLabel(
          ol({
            objects: { '0': { name: 'a', type: 'Car' } },
            frames: { '0': { objects: { '0': { object_data: { cuboid: [{ name: 'shape3D', val: [1, 2, 3, 4, 5, 6, 7, 8] }] } } } } },
          }),
          'ol.json',
        ),
      /objects\["0"\]\.object_data\.cuboid\[0\]\.val: expected 9 or 10 finite numbers/,
    ],
    [
      'OpenLABEL cuboid in an undeclared coordinate system',
      () =>
        parseOpenLabel(
          ol({
            objects: { '0': { name: 'a', type: 'Car' } },
            frames: {
              '0': { objects: { '0': { object_data: { cuboid: [{ name: 's', val: [1, 2, 3, 0, 0, 0, 1, 4, 2, 1.5], coordinate_system: 'base' }] } } } },
            },
          }),
          'ol.json',
        ),
      /cuboid\[0\]\.coordinate_system: "base" is not declared/,
    ],
  ];
  for (const [name, run, message] of cases) {
    it(name, () => {
      expect(run).toThrow(message);
    });
  }

  it('OpenLABEL with a problems list: a bad cuboid and an undeclared object are named and left out, the rest is read', () => {
    const problems: string[] = [];
    const frames = parseOpenLabel(
      ol({
        objects: { '0': { name: 'a', type: 'Car' }, '1': { name: 'b', type: 'Pedestrian' } },
        frames: {
          '0': {
            objects: {
              '0': { object_data: { cuboid: [{ name: 'shape3D', val: [1, 2, 3, 4, 5, 6, 7, 8] }] } },
              '1': { object_data: { cuboid: [{ name: 'shape3D', val: [5, 1, -1, 0, 0, 0, 1, 0.6, 0.6, 1.7] }] } },
              '9': { object_data: {} },
            },
          },
        },
      }),
      'ol.json',
      problems,
    );
    expect(frames[0].cuboids.map((c) => c.label)).toEqual(['Pedestrian']);
    expect(problems).toEqual([
      expect.stringMatching(/^ol\.json: .*objects\["0"\]\.object_data\.cuboid\[0\]\.val: expected 9 or 10 finite numbers/),
      expect.stringMatching(/^ol\.json: .*objects\["9"\]: object "9" is not declared/),
    ]);
  });

  it('nuScenes annotation naming a missing instance token: the row is reported (file, row, field) and left out', () => {
    const texts = {
      sample: '[{"token":"s1","timestamp":0,"scene_token":"sc","prev":"","next":""}]',
      sample_data:
        '[{"token":"d1","sample_token":"s1","ego_pose_token":"d1","calibrated_sensor_token":"c1","filename":"samples/LIDAR_TOP/a.pcd.bin","timestamp":0,"is_key_frame":true}]',
      ego_pose: '[{"token":"d1","translation":[0,0,0],"rotation":[1,0,0,0],"timestamp":0}]',
      calibrated_sensor: '[{"token":"c1","sensor_token":"x","translation":[0,0,0],"rotation":[1,0,0,0]}]',
      sample_annotation:
        '[{"token":"a1","sample_token":"s1","instance_token":"missing","visibility_token":"4","attribute_tokens":[],"translation":[1,2,3],"size":[2,4,1.5],"rotation":[1,0,0,0],"num_lidar_pts":3}]',
      instance: '[]',
      category: '[]',
    };
    const { tables, problems } = parseNuscenesTables(texts);
    expect(tables.sample_annotation.size).toBe(0);
    expect(problems.map((p) => p.message)).toEqual([expect.stringMatching(/^sample_annotation\.json: row \d+ \(token "a1"\), field "instance_token"/)]);
  });
});
