import { describe, expect, it } from 'vitest';
import { analyzeFrame } from '../../../../src/domain/checks/frame/analyzeFrame.ts';
import { runSequenceChecks } from '../../../../src/domain/checks/runSequenceChecks.ts';
import { KITTI_FRAMES, loadKittiFrame } from './kittiFrames.ts';
import { loadSampleFrame, sampleSequence } from './sampleDataset.ts';
import { DEFECTS, formatScore, recall, scoreDefects } from './seedDefects.ts';
import type { DefectFrame } from './seedDefects.ts';
import { visibleStreet } from './streetScene.ts';

/**
 * Seeded defects: every ground-truth box of a frame is broken in seven ways (shifted 1.5 m,
 * shrunk to 50 %, grown to 200 %, rotated 90°, duplicated, deleted, wrong class), one at a time,
 * and every check runs. Recall = defects flagged (error or warning) on the broken box — or, for a
 * deleted box, an unlabelled-cluster warning where it was — and not already flagged on the clean
 * frame. False flags = clean boxes with an error, and untouched boxes that get a new error in a
 * defect run. The figures are printed; the floors are set a little under the measured values.
 */
describe('seeded defects', () => {
  it('real KITTI ground truth (3 frames, 6 boxes): no false errors, most defects caught', () => {
    const frames: DefectFrame[] = KITTI_FRAMES.map((id) => {
      const f = loadKittiFrame(id);
      return { id, positions: f.positions, boxes: f.cuboids, analysis: analyzeFrame(f.positions), labelRegion: f.labelRegion };
    });
    const score = scoreDefects(frames);
    console.log(formatScore('Seeded defects on real KITTI frames 000000-000002', score));
    expect(score.cleanErrors).toBe(0);
    expect(score.collateralErrors).toBe(0);
    expect(recall(score).any).toBeGreaterThanOrEqual(0.8);
    for (const d of ['duplicated', 'wrongClass', 'shrunk', 'grown'] as const) expect(score.byDefect[d][1]).toBe(score.byDefect[d][2]);
  });

  it('synthetic street scans (two layouts, scanned with occlusion): near-complete recall, no false errors', () => {
    const frames: DefectFrame[] = [11, 12].map((seed) => {
      const { boxes, positions } = visibleStreet(seed);
      return { id: `street-${seed}`, positions, boxes, analysis: analyzeFrame(positions) };
    });
    const score = scoreDefects(frames);
    console.log(formatScore(`Seeded defects on synthetic street scans (${score.cleanBoxes} boxes)`, score));
    expect(score.cleanBoxes).toBeGreaterThanOrEqual(25);
    expect(score.cleanErrors).toBe(0);
    expect(score.collateralErrors / score.collateralBoxes).toBeLessThan(0.005);
    const r = recall(score);
    expect(r.any).toBeGreaterThanOrEqual(0.9);
    expect(r.errors).toBeGreaterThanOrEqual(0.75);
    for (const d of DEFECTS) expect(score.byDefect[d][1] / score.byDefect[d][2]).toBeGreaterThanOrEqual(0.7);
  });

  it('the generated sample dataset (frame 000008): no false errors, most defects caught', () => {
    const f = loadSampleFrame('000008');
    const score = scoreDefects([{ id: f.id, positions: f.positions, boxes: f.cuboids, analysis: analyzeFrame(f.positions) }]);
    console.log(formatScore(`Seeded defects on samples/ frame 000008 (${score.cleanBoxes} boxes)`, score));
    expect(score.cleanErrors).toBe(0);
    expect(score.collateralErrors / score.collateralBoxes).toBeLessThan(0.005);
    expect(recall(score).any).toBeGreaterThanOrEqual(0.8);
  });

  it("the sample dataset's ground-truth tracks pass the cross-frame checks, and broken tracks do not", () => {
    const frames = sampleSequence();
    expect(frames).toHaveLength(10);
    expect(runSequenceChecks(frames)).toEqual([]);
    // Break one moving car's track in frame 5: flip it, switch its class, make it jump.
    const car = frames[5].cuboids.find((c) => c.label === 'Car' && frames[4].cuboids.some((p) => p.trackId === c.trackId))!;
    const broken = frames.map((f, k) =>
      k !== 5
        ? f
        : {
            ...f,
            cuboids: f.cuboids.map((c) =>
              c.trackId === car.trackId ? { ...c, yaw: c.yaw + Math.PI, label: 'Van', center: [c.center[0] + 12, c.center[1], c.center[2]] as const } : c,
            ),
          },
    );
    const rules = new Set(
      runSequenceChecks(broken)
        .filter((r) => r.frameId === '000005')
        .map((r) => r.ruleId),
    );
    expect(rules).toEqual(new Set(['headingFlip', 'classSwitch', 'impossibleSpeed']));
  });
});
