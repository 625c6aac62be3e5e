import { describe, expect, it } from 'vitest';
import { EARTH_RADIUS, oxtsToImuPoses, oxtsToLidarPoses, parseOxts } from '../../../../src/domain/poses/oxtsToPoses.ts';

/** An OXTS line: lat lon alt roll pitch yaw and 24 more values (zeros). */
const line = (lat: number, lon: number, alt: number, yaw: number) => [lat, lon, alt, 0, 0, yaw, ...Array(24).fill(0)].join(' ');

describe('KITTI oxts → poses', () => {
  it('puts frame 0 at the origin and a frame 0.0001° north at er·Δlat metres along the IMU y (facing east)', () => {
    const recs = parseOxts(`${line(49.0, 8.4, 110, 0)}\n${line(49.0001, 8.4, 110.5, 0)}\n`);
    const poses = oxtsToImuPoses(recs);
    poses[0].forEach((v, i) => expect(v).toBeCloseTo([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1][i], 9));
    // Mercator with scale cos(lat0): Δy = scale·er·Δln tan(...) ≈ er·Δlat(rad) at the same latitude.
    const expected = (EARTH_RADIUS * (0.0001 * Math.PI)) / 180;
    expect(poses[1][3]).toBeCloseTo(0, 6);
    expect(poses[1][7]).toBeCloseTo(expected, 3);
    expect(poses[1][11]).toBeCloseTo(0.5, 9);
  });

  it('takes the scale from the first frame: east by Δlon is scale·er·Δlon', () => {
    const recs = parseOxts(`${line(49.0, 8.4, 0, Math.PI / 2)}\n${line(49.0, 8.4001, 0, Math.PI / 2)}`);
    const poses = oxtsToImuPoses(recs);
    const east = (Math.cos((49 * Math.PI) / 180) * EARTH_RADIUS * 0.0001 * Math.PI) / 180;
    // Facing north (yaw 90°), east is the IMU's −y.
    expect(poses[1][3]).toBeCloseTo(0, 6);
    expect(poses[1][7]).toBeCloseTo(-east, 4);
  });

  it('moves the poses to the LiDAR with Tr_imu_to_velo (pose 0 stays the identity)', () => {
    const recs = parseOxts(`${line(49.0, 8.4, 0, 0)}\n${line(49.0, 8.4001, 0, 0)}`);
    const tr = [1, 0, 0, -0.81, 0, 1, 0, 0.32, 0, 0, 1, -0.8];
    const imu = oxtsToImuPoses(recs);
    const lidar = oxtsToLidarPoses(recs, tr);
    lidar[0].forEach((v, i) => expect(v).toBeCloseTo([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1][i], 9));
    // A pure translation between the sensors: no heading change, the same motion.
    expect(lidar[1][3]).toBeCloseTo(imu[1][3], 9);
  });

  it('names the file, line and field of a bad record', () => {
    expect(() => parseOxts('49 8.4 110', { fileName: '0001.txt' })).toThrow(/0001\.txt.*line 1: expected 30 values/);
    expect(() => parseOxts(`${line(49, 8.4, 0, 0)}\n${line(91, 8.4, 0, 0)}`, { fileName: '0001.txt' })).toThrow(/line 2, field "lat"/);
    expect(() => parseOxts('49 8.4 110 0 0 nan', { fileName: '0001.txt' })).toThrow(/field "yaw": "nan" is not a number/);
  });
});
