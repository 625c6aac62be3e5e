import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultDictionary } from '../../../../src/domain/checks/dictionary/defaultDictionary.ts';
import { emptyAnnotation } from '../../../../src/domain/document/FrameAnnotation.ts';
import { runCheckTask, type CheckedFrame } from '../../../../src/server/checks/checkTask.ts';
import { DEFAULT_CHECK_LIMITS } from '../../../../src/server/checks/checkLimits.ts';
import { Dataset } from '../../../../src/server/dataset/Dataset.ts';
import { makeKittiDataset, makeTempDir } from '../fixtures/makeDataset.ts';

const root = makeTempDir('cuboid-check-calib-');
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('the submit gate and a frame’s calib (run in this thread, as a check worker runs it)', () => {
  it('reads the calib on every submit: a broken one is named and skipped, a fixed one counts at once (the points stay cached)', async () => {
    const dir = makeKittiDataset(path.join(root, 'data'), { ids: ['000001'], points: 200, images: ['000001'] });
    const calibFile = path.join(dir, 'calib', '000001.txt');
    const good = fs.readFileSync(calibFile, 'utf8');
    const frame = (await Dataset.scan(dir)).get('000001')!;
    const submit = async () =>
      (await runCheckTask({
        kind: 'submit',
        frame,
        doc: emptyAnnotation('000001'),
        dictionary: defaultDictionary,
        limits: DEFAULT_CHECK_LIMITS,
      })) as CheckedFrame;

    // A good calib: missed objects are searched in camera 2's view.
    const first = await submit();
    expect(first.ok).toBe(true);
    expect(first.cameraOnly).toBe(true);
    expect(first.calibProblem).toBeUndefined();

    // Broken (P2 short on line 3): still checked, all around, and the problem names the file and line.
    const lines = good.split('\n');
    lines[2] = lines[2].split(' ').slice(0, 4).join(' ');
    fs.writeFileSync(calibFile, lines.join('\n'));
    const broken = await submit();
    expect(broken.ok).toBe(true);
    expect(broken.cameraOnly).toBe(false);
    expect(broken.calibProblem).toMatch(/^parseKittiCalib \(calib\/000001\.txt\): line 3, field "P2"/);

    // Fixed again: the camera view is back on the next submit, though the frame's points are still cached.
    fs.writeFileSync(calibFile, good);
    const fixed = await submit();
    expect(fixed.cameraOnly).toBe(true);
    expect(fixed.calibProblem).toBeUndefined();
  });
});
