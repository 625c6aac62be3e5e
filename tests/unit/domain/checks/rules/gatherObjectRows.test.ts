import { describe, expect, it } from 'vitest';
import { FrameChecker } from '../../../../../src/domain/checks/FrameChecker.ts';
import { defaultDictionary } from '../../../../../src/domain/checks/dictionary/defaultDictionary.ts';
import { createGatherScratch, gatherObject } from '../../../../../src/domain/checks/rules/gatherObject.ts';
import { simFrames } from '../../../../bench/quality/simFrames.ts';
import { seedDefect } from '../../../../bench/quality/defects.ts';

describe('gatherObject follows a surface from row to row', () => {
  // A pedestrian 13.5 m from the 32-beam scanner: 22 returns on four rows 0.31 m apart (one
  // beam gap), the highest (3 returns, the head) 1.65 m up. A box shrunk to 70 % (1.32 m tall,
  // bottom kept) holds the three lower rows; the head row is one beam gap above them and must be
  // followed, whatever the voxels of the link fall on.
  const [frame] = [...simFrames({ profile: 'hdl32', height: 1.73, vehicleFrame: false }, 1, 0)];
  const index = 22;
  const person = frame.boxes[index];
  // Shrunk as the quality bench seeds it: every side × 0.7, the bottom kept.
  const shrunk = seedDefect(frame.boxes, index, 'shrink70').boxes[index];
  const checker = new FrameChecker(frame.id, frame.positions, { ring: frame.ring });

  it('gathers the head row above the shrunk box', () => {
    expect(person.label).toBe('Pedestrian');
    const scratch = createGatherScratch();
    const object = gatherObject(checker.analysis, shrunk, [], defaultDictionary.settings.fitMargin, 1, 1, 5, scratch);
    expect(object.n).toBe(frame.objectPoints[index].length);
    expect(object.outside).toBeGreaterThanOrEqual(3);
  });

  it('so the shrunk box is flagged as cutting its object at the top', () => {
    const boxes = frame.boxes.map((b, i) => (i === index ? shrunk : b));
    const found = checker.check(boxes, defaultDictionary, [], []).results.filter((r) => r.cuboidId === person.id && r.ruleId === 'fitDisagreement');
    expect(found.length).toBe(1);
    expect(found[0].message).toMatch(/cuts its object: 3 points of its object reach 0\.3\d m beyond its top/);
  }, 30_000);
});
