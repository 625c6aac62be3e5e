import type { RuleDefinition } from '../CheckContext.ts';
import { duplicate } from './duplicate.ts';
import { fitDisagreement } from './fitDisagreement.ts';
import { invalidAttribute } from './invalidAttribute.ts';
import { looseFit } from './looseFit.ts';
import { missingAttribute } from './missingAttribute.ts';
import { notOnGround } from './notOnGround.ts';
import { outsideRange } from './outsideRange.ts';
import { offTrack } from './offTrack.ts';
import { overlap } from './overlap.ts';
import { pointsOutsideBox } from './pointsOutsideBox.ts';
import { sizeOutOfRange } from './sizeOutOfRange.ts';
import { tooFewPoints } from './tooFewPoints.ts';
import { unknownClass } from './unknownClass.ts';
import { trackGap } from './trackGap.ts';
import { unlabelledCluster } from './unlabelledCluster.ts';

/** Every single-frame rule, in the order results are produced. Add new rules here. */
export const ALL_RULES: readonly RuleDefinition[] = [
  { id: 'unknownClass', scope: 'box', description: 'The class is not in the dictionary.', run: unknownClass },
  { id: 'missingAttribute', scope: 'box', description: 'A required attribute has no value.', run: missingAttribute },
  {
    id: 'invalidAttribute',
    scope: 'box',
    description: 'truncated / occluded hold values KITTI does not allow, or occluded is "unknown".',
    run: invalidAttribute,
  },
  { id: 'sizeOutOfRange', scope: 'box', description: 'Length, width or height is outside the class range.', run: sizeOutOfRange },
  { id: 'tooFewPoints', scope: 'box', description: 'The box holds fewer points than its class needs at its distance.', run: tooFewPoints },
  { id: 'notOnGround', scope: 'box', description: 'The box floats above or sinks below the local ground.', run: notOnGround },
  { id: 'outsideRange', scope: 'box', description: 'The box is outside the scanned area or the sensor range.', run: outsideRange },
  {
    id: 'pointsOutsideBox',
    scope: 'pair',
    description: 'Points of the boxed object lie outside the box (shifted, shrunk or rotated box).',
    run: pointsOutsideBox,
  },
  { id: 'looseFit', scope: 'box', description: 'A face that the sensor sees stands off the object (box too big or misplaced).', run: looseFit },
  {
    id: 'fitDisagreement',
    scope: 'pair',
    description: 'A refit of the points in and around the box disagrees with it: turned, shifted or cutting its object.',
    run: fitDisagreement,
  },
  {
    id: 'offTrack',
    scope: 'box',
    description: 'A box of a track is off, turned or resized against where the frames before and after put it.',
    run: offTrack,
  },
  { id: 'overlap', scope: 'pair', description: 'Two boxes overlap more than their classes allow.', run: overlap },
  { id: 'duplicate', scope: 'pair', description: 'Two boxes are near-identical.', run: duplicate },
  { id: 'unlabelledCluster', scope: 'frame', description: 'A dense object-sized cluster above the ground has no box.', run: unlabelledCluster },
  {
    id: 'trackGap',
    scope: 'frame',
    description: 'A track boxed in the frames before and after this one has no box here (a deleted or missed box).',
    run: trackGap,
  },
];
