import type { EdgeCase, EdgeCaseDictionary, EdgeCaseDictionaryInput } from './EdgeCaseDictionary.ts';
import { withDictionaryDefaults } from './dictionaryDefaults.ts';

/**
 * The built-in dictionary for the KITTI classes. Size ranges (metres) cover the KITTI training
 * statistics with room to spare, so real ground truth passes; point minimums are a share of the
 * returns the scan's own sensor would give on the box (`minPoints.fraction`, read from the scan by
 * the sensor model), with distance bands kept only for scans that show no beams. `DontCare` is not a class here: it is an image-only
 * region, never a 3D box.
 */
const EDGE_CASES: EdgeCase[] = [
  {
    id: 'rider-on-bicycle',
    title: 'Rider on a bicycle',
    rule: 'A person riding a bicycle is one Cyclist box that includes both the rider and the bicycle. Do not add a separate Pedestrian box for the rider.',
    tags: ['cyclist', 'pedestrian', 'overlap'],
    check: 'overlap',
  },
  {
    id: 'person-pushing-bicycle',
    title: 'Person pushing a bicycle',
    rule: 'A person walking beside or pushing a bicycle is a Pedestrian. If the bicycle is boxed, it is a separate Misc box; the two boxes may overlap a little.',
    tags: ['pedestrian', 'misc', 'overlap'],
    check: 'overlap',
  },
  {
    id: 'group-of-pedestrians',
    title: 'Group of pedestrians',
    rule: 'Every person in a group gets a separate Pedestrian box, even when people touch. Boxes may overlap slightly where bodies do; never one box around the group.',
    tags: ['pedestrian', 'overlap', 'crowd'],
    check: 'overlap',
  },
  {
    id: 'sitting-person',
    title: 'Sitting person',
    rule: 'A person sitting on a bench, a chair, a step or the ground is Person_sitting; the box includes the seat only where the body rests on it. A cyclist standing still on the bicycle stays Cyclist.',
    tags: ['pedestrian', 'class'],
    check: 'sizeOutOfRange',
  },
  {
    id: 'reflection-in-glass',
    title: 'Reflection in glass',
    rule: 'Points mirrored by glass facades, shop windows or car windows (ghost objects behind walls or below the ground) get no box.',
    tags: ['ghost', 'no-box'],
    check: 'unlabelledCluster',
  },
  {
    id: 'truncated-by-scan-range',
    title: 'Object truncated by the scan range',
    rule: 'An object cut off by the end of the sensor range is boxed to its visible extent, with truncated = 1.',
    tags: ['truncation', 'range'],
    check: 'outsideRange',
  },
  {
    id: 'object-partly-outside-scan',
    title: 'Object partly outside the scan',
    rule: 'An object partly outside the scanned area (beyond the field of view, or in the blind zone around the vehicle) is boxed to its visible extent; set truncated to the fraction that is outside (0..1).',
    tags: ['truncation', 'field-of-view'],
    check: 'outsideRange',
  },
  {
    id: 'parked-trailer',
    title: 'Parked trailer',
    rule: 'A semi-trailer standing without its tractor is a Truck. A small trailer (car trailer, caravan, shorter than 6 m) is Misc. A trailer attached to a car is a separate Misc box.',
    tags: ['truck', 'misc', 'class'],
    check: 'sizeOutOfRange',
  },
  {
    id: 'vehicle-on-car-carrier',
    title: 'Vehicle on a car carrier',
    rule: 'Cars loaded on a car carrier are not boxed: the carrier and its load are one Truck box that reaches from the ground to the top of the load.',
    tags: ['truck', 'car', 'ground'],
    check: 'notOnGround',
  },
  {
    id: 'heavily-occluded',
    title: 'Heavily occluded object',
    rule: 'An object with fewer LiDAR points than its class needs is still boxed when it is clearly there (camera image, neighbouring frames); box its full extent and set occluded = 2.',
    tags: ['occlusion', 'points'],
    check: 'tooFewPoints',
  },
  {
    id: 'occlusion-unknown',
    title: 'Occlusion level "unknown"',
    rule: 'Do not leave occluded = 3 ("unknown"): it removes the object from every KITTI difficulty level. Choose 0 (visible), 1 (partly) or 2 (largely occluded).',
    tags: ['attributes', 'kitti'],
    check: 'invalidAttribute',
  },
  {
    id: 'box-fits-object',
    title: 'The box fits the object',
    rule: 'The box encloses every point of the object with at most about 10 cm of slack (mirrors and antennas may stay outside); its bottom rests on the ground and its heading follows the direction of travel.',
    tags: ['geometry', 'tightness'],
    check: 'pointsOutsideBox',
  },
  {
    id: 'box-follows-points',
    title: 'The box follows the shape of its points',
    rule: "A vehicle's or rider's box runs along the object's long axis as its points show it (a car's visible sides, a bicycle's frame), never at an angle to it or across it. The box reaches every face the sensor sees, a person's head included. Where part of the object is hidden, extend the box by the class's usual size away from the sensor; a box is not judged where the object touches a wall or is too sparse to show its shape.",
    tags: ['geometry', 'heading', 'tightness'],
    check: 'fitDisagreement',
  },
  {
    id: 'one-box-per-object',
    title: 'One box per object',
    rule: 'Every object has exactly one box, with one class. Never two boxes for the same object, not even with different classes.',
    tags: ['duplicate'],
    check: 'duplicate',
  },
  {
    id: 'every-object-boxed',
    title: 'Every object is boxed',
    rule: 'Every object of a listed class inside the annotated area is boxed, even when only a few points show it. Poles, walls, vegetation and ground clutter are not boxed.',
    tags: ['missed', 'recall'],
    check: 'unlabelledCluster',
  },
  {
    id: 'parked-bicycle',
    title: 'Parked bicycle',
    rule: 'A parked bicycle with nobody on it or beside it gets no box (KITTI convention); a bicycle pushed by a person is Misc next to the Pedestrian.',
    tags: ['cyclist', 'no-box'],
    check: 'unlabelledCluster',
  },
  {
    id: 'classes-only',
    title: 'Use the listed classes only',
    rule: 'Use only the classes of this dictionary, with their exact spelling. Other road users and obstacles that matter for driving (scooters, trailers, wheelchairs) are Misc.',
    tags: ['class'],
    check: 'unknownClass',
  },
  {
    id: 'track-consistency',
    title: 'Tracks stay consistent',
    rule: 'A track keeps one class and one size through the sequence (rigid objects do not change size), and its heading turns smoothly: a jump of more than 90° between frames is a flipped box. Each box lies where the track runs: a box off, turned or resized against the boxes of its track in the frames before and after it is misplaced.',
    tags: ['sequence', 'tracking'],
    check: 'trackSizeChange',
  },
  {
    id: 'track-continuity',
    title: 'A track has no holes',
    rule: 'An object boxed in the frames before and after a frame is boxed in that frame too, with the same track id, wherever its returns show it. A track ends only where its object leaves the annotated area or is hidden.',
    tags: ['sequence', 'tracking', 'missed'],
    check: 'trackGap',
  },
];

const NEAR_BANDS = (near: number, mid: number, far: number) => [
  { maxDistance: 15, minPoints: near },
  { maxDistance: 30, minPoints: mid },
  { maxDistance: 50, minPoints: far },
];

/** The built-in dictionary as written (defaults left out). */
export const DEFAULT_DICTIONARY_INPUT: EdgeCaseDictionaryInput = {
  version: 1,
  classes: {
    Car: {
      definition:
        'Passenger cars, including SUVs and pick-ups. The size range allows for datasets whose car class also holds minivans or whose boxes take in the mirrors (nuScenes, Argoverse 2): up to 2.35 m wide and 2.3 m tall.',
      size: { l: [3.0, 5.8], w: [1.35, 2.35], h: [1.15, 2.3] },
      minPoints: { default: 4, bands: NEAR_BANDS(40, 15, 8) },
      allowedOverlaps: [],
      mustTouchGround: true,
      requiredAttributes: ['truncated', 'occluded'],
      maxSpeed: 70,
      edgeCases: ['vehicle-on-car-carrier', 'heavily-occluded', 'box-fits-object'],
    },
    Van: {
      definition: 'Box-shaped vans and minibuses (delivery vans, camper vans).',
      size: { l: [3.8, 7.0], w: [1.6, 2.5], h: [1.7, 3.0] },
      minPoints: { default: 4, bands: NEAR_BANDS(40, 15, 8) },
      allowedOverlaps: [],
      mustTouchGround: true,
      requiredAttributes: ['truncated', 'occluded'],
      maxSpeed: 60,
      edgeCases: ['heavily-occluded'],
    },
    Truck: {
      definition: 'Lorries, tractors with or without their semi-trailer, car carriers with their load.',
      size: { l: [4.5, 20.0], w: [1.9, 3.2], h: [2.1, 4.6] },
      minPoints: { default: 8, bands: NEAR_BANDS(60, 25, 12) },
      allowedOverlaps: [],
      mustTouchGround: true,
      requiredAttributes: ['truncated', 'occluded'],
      maxSpeed: 45,
      edgeCases: ['parked-trailer', 'vehicle-on-car-carrier'],
    },
    Pedestrian: {
      definition: 'A person standing or walking, including a person pushing a bicycle or a pram.',
      size: { l: [0.2, 1.5], w: [0.25, 1.1], h: [0.9, 2.15] },
      minPoints: { default: 2, bands: NEAR_BANDS(20, 8, 4) },
      allowedOverlaps: [
        { class: 'Pedestrian', maxIou: 0.15 },
        { class: 'Misc', maxIou: 0.3 },
      ],
      rigid: false,
      fitSlack: 0.4,
      mustTouchGround: true,
      requiredAttributes: ['truncated', 'occluded'],
      maxSpeed: 12,
      edgeCases: ['group-of-pedestrians', 'person-pushing-bicycle', 'sitting-person'],
    },
    Person_sitting: {
      definition: 'A person sitting (on a bench, a chair, a step or the ground).',
      size: { l: [0.3, 1.6], w: [0.3, 1.1], h: [0.6, 1.6] },
      minPoints: { default: 2, bands: NEAR_BANDS(20, 8, 4) },
      allowedOverlaps: [{ class: 'Person_sitting', maxIou: 0.15 }],
      rigid: false,
      mustTouchGround: false,
      requiredAttributes: ['truncated', 'occluded'],
      maxSpeed: 3,
      edgeCases: ['sitting-person'],
    },
    Cyclist: {
      definition: 'A person riding a bicycle (or a motorbike-sized two-wheeler), rider and vehicle in one box.',
      size: { l: [1.2, 2.4], w: [0.35, 1.1], h: [1.2, 2.15] },
      minPoints: { default: 2, bands: NEAR_BANDS(20, 8, 4) },
      allowedOverlaps: [{ class: 'Cyclist', maxIou: 0.1 }],
      fitSlack: 0.6,
      mustTouchGround: true,
      requiredAttributes: ['truncated', 'occluded'],
      maxSpeed: 20,
      edgeCases: ['rider-on-bicycle'],
    },
    Tram: {
      definition: 'Trams and light-rail vehicles.',
      size: { l: [10.0, 40.0], w: [2.1, 3.3], h: [2.8, 4.2] },
      minPoints: { default: 10, bands: NEAR_BANDS(80, 30, 15) },
      allowedOverlaps: [],
      mustTouchGround: true,
      requiredAttributes: ['truncated', 'occluded'],
      maxSpeed: 25,
      edgeCases: [],
    },
    Misc: {
      definition: 'Other road users and obstacles that matter for driving: trailers, scooters, wheelchairs, a bicycle pushed by a pedestrian.',
      size: { l: [0.2, 20.0], w: [0.2, 4.0], h: [0.2, 4.6] },
      minPoints: { default: 2, bands: NEAR_BANDS(10, 5, 3) },
      allowedOverlaps: [{ class: 'Pedestrian', maxIou: 0.3 }],
      mustTouchGround: false,
      findMissed: false,
      requiredAttributes: ['truncated', 'occluded'],
      maxSpeed: 40,
      edgeCases: ['parked-trailer', 'person-pushing-bicycle'],
    },
  },
  edgeCases: EDGE_CASES,
};

/** The default dictionary for KITTI classes (version 1), validated with every default filled in. */
/**
 * The built-in dictionary, defaults filled in without zod (the app and the workers load it at
 * start; `tests/unit/domain/checks/dictionary/defaultDictionary.test.ts` checks that it is what
 * `parseDictionary` makes of the same input, so it is validated at test time).
 */
export const defaultDictionary: EdgeCaseDictionary = withDictionaryDefaults(DEFAULT_DICTIONARY_INPUT);
