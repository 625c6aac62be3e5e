/**
 * Public entry of the pure domain layer. Runs in Node, browser and worker alike:
 * nothing here may import three, React, zustand, comlink, the DOM or Node APIs.
 */
export * from './types.ts';

// PCD
export { PcdError } from './pcd/PcdError.ts';
export type { PcdErrorCode, PcdErrorDetails } from './pcd/PcdError.ts';
export { readPcdHeader, tryReadPcdHeader } from './pcd/readPcdHeader.ts';
export type { ReadPcdHeaderOptions } from './pcd/readPcdHeader.ts';
export type { PcdHeader, PcdField, PcdEncoding, PcdFieldType } from './pcd/PcdHeader.ts';
export { parsePcd } from './pcd/parsePcd.ts';
export type { PcdCloud, ParsePcdOptions } from './pcd/parsePcd.ts';
export { PcdStreamParser } from './pcd/PcdStreamParser.ts';
export type { PcdBatch, PcdStreamParserOptions } from './pcd/PcdStreamParser.ts';
export { decompressLzf } from './pcd/decompressLzf.ts';
export { compressLzf } from './pcd/compressLzf.ts';
export { writePcd } from './pcd/writePcd.ts';
export type { WritePcdOptions } from './pcd/writePcd.ts';

// KITTI
export { KittiError } from './kitti/KittiError.ts';
export type { KittiErrorLocation } from './kitti/KittiError.ts';
export { readVelodyneBin } from './kitti/readVelodyneBin.ts';
export type { VelodyneCloud } from './kitti/readVelodyneBin.ts';
export { parseKittiLabel } from './kitti/parseKittiLabel.ts';
export { formatKittiLabel } from './kitti/formatKittiLabel.ts';
export type { FormatKittiLabelOptions } from './kitti/formatKittiLabel.ts';
export type { KittiObject } from './kitti/KittiObject.ts';
export { parseKittiCalib, formatKittiCalib, syntheticCalib, createKittiCalib } from './kitti/parseKittiCalib.ts';
export type { KittiCalib } from './kitti/parseKittiCalib.ts';
export { cuboidToKitti, isVisibleInCamera } from './kitti/cuboidToKitti.ts';
export type { CuboidToKittiOptions } from './kitti/cuboidToKitti.ts';
export { kittiToCuboid } from './kitti/kittiToCuboid.ts';
export type { KittiToCuboidOptions } from './kitti/kittiToCuboid.ts';
export { projectLidarPoints, projectCuboid } from './kitti/projectToImage.ts';
export type { ProjectedCuboid } from './kitti/projectToImage.ts';
export { readPngSize } from './kitti/readPngSize.ts';

// Geometry
export type { CuboidShape } from './geometry/CuboidShape.ts';
export { cuboidCorners, toBoxLocal, fromBoxLocal, bevPolygon } from './geometry/cuboidCorners.ts';
export { isPointInCuboid } from './geometry/isPointInCuboid.ts';
export { pointsInCuboids } from './geometry/pointsInCuboids.ts';
export type { PointsInCuboidsResult, PointsInCuboidsOptions } from './geometry/pointsInCuboids.ts';
export { buildPointGrid, queryRect, cellRange } from './geometry/PointGrid.ts';
export type { PointGrid, BuildPointGridOptions } from './geometry/PointGrid.ts';
export { polygonArea, signedPolygonArea, clipConvexPolygon, convexHull } from './geometry/polygon2d.ts';
export type { Point2 } from './geometry/polygon2d.ts';
export { iouBev, iou3d, bevIntersectionArea } from './geometry/iou.ts';
export { pointBounds, countNonFinite } from './geometry/pointBounds.ts';
export type { Bounds } from './geometry/pointBounds.ts';
export { estimateGround, groundHeightAt } from './geometry/estimateGround.ts';
export type { GroundModel, EstimateGroundOptions } from './geometry/estimateGround.ts';
export { fitCuboid } from './geometry/fitCuboid.ts';
export type { FitResult, FitCuboidOptions, FitCuboidSeed } from './geometry/fitCuboid.ts';
export { fitToPoints } from './geometry/fitToPoints.ts';
export type { FitToPointsOptions } from './geometry/fitToPoints.ts';
export type { FitConfidence, HeadingSource } from './geometry/fitTypes.ts';
export { CLASS_DEFAULTS, GENERIC_DEFAULTS, classDefaults } from './geometry/classDefaults.ts';
export type { ClassDefaults } from './geometry/classDefaults.ts';

// Annotation document
export { ANNOTATION_SCHEMA_VERSION, emptyAnnotation } from './document/FrameAnnotation.ts';
export type { FrameAnnotation, FrameStatus, ReviewFlag } from './document/FrameAnnotation.ts';
export {
  addCuboid,
  addCuboids,
  createCuboid,
  findCuboid,
  newCuboidId,
  newTrackId,
  normalizeYaw,
  removeCuboids,
  updateCuboid,
  updateCuboids,
} from './document/cuboidOps.ts';
export type { CuboidPatch, CreateCuboidInput, RandomSource } from './document/cuboidOps.ts';
export { KITTI_CLASS_SIZES, classDefaultSize } from './document/classDefaultSizes.ts';
export { VelodyneStreamParser } from './pointcloud/VelodyneStreamParser.ts';
export { BIN_LAYOUTS, BIN_LAYOUT_NAMES, binLayoutForFileName, layoutsFittingSize, parseBinLayoutName } from './pointcloud/binLayouts.ts';
export type { BinLayout, BinLayoutName } from './pointcloud/binLayouts.ts';
export { BinLayoutError, detectBinLayout } from './pointcloud/detectBinLayout.ts';
export type { BinLayoutDetection, BinSample } from './pointcloud/detectBinLayout.ts';
export type { BinLayoutChoice, BinLayoutSource } from './pointcloud/BinLayoutChoice.ts';
export type { BinCloud } from './kitti/readVelodyneBin.ts';
export type { FrameListItem } from './document/FrameListItem.ts';
export { pickPointNearRay } from './geometry/pickPointNearRay.ts';
export { projectCuboidEdges } from './kitti/projectCuboidEdges.ts';

// Review loop and annotator metrics
export { ROLES, isRole, isValidUserName, USER_NAME_PATTERN } from './review/Role.ts';
export type { Role } from './review/Role.ts';
export { nextStatus, REVIEW_EVENT_ROLES } from './review/reviewTransitions.ts';
export type { ReviewEvent, TransitionResult } from './review/reviewTransitions.ts';
export { flagTransition } from './review/flagTransitions.ts';
export { matchOverrides } from './review/matchOverrides.ts';
export type { SubmitOverride, RecordedOverride, OverrideMatch } from './review/matchOverrides.ts';
export type { FlagState, FlagTransitionResult } from './review/flagTransitions.ts';
export { diffAnnotations, wrapAngle } from './review/diffAnnotations.ts';
export type { AnnotationDiff, BoxDiff, BoxChange, DiffOptions } from './review/diffAnnotations.ts';
export { summarizeSave, emptySourceCounts } from './metrics/summarizeSave.ts';
export type { SaveSummary, SourceCounts } from './metrics/summarizeSave.ts';
export { computeMetrics } from './metrics/computeMetrics.ts';
export { metricsToCsv } from './metrics/metricsToCsv.ts';
export type { MetricsCsvTable } from './metrics/metricsToCsv.ts';
export { DEFAULT_IDLE_GAP_MS } from './metrics/MetricsReport.ts';
export type { MetricsEvent, MetricsRow, DailyMetricsRow, FrameMetricsRow, MetricsReport, MetricsOptions } from './metrics/MetricsReport.ts';

// Pre-checks and the edge-case dictionary
export type { CheckResult, SequenceCheckResult, Severity } from './checks/CheckResult.ts';
export { SEVERITIES, resultKey, countBySeverity, compareResults } from './checks/CheckResult.ts';
export type { CheckContext, Rule, RuleDefinition, RuleScope, LabelRegion } from './checks/CheckContext.ts';
export { createCheckContext } from './checks/createCheckContext.ts';
export type { CreateCheckContextInput } from './checks/createCheckContext.ts';
export { countObjectPoints } from './checks/countObjectPoints.ts';
export { runChecks } from './checks/runChecks.ts';
export type { RunChecksOptions } from './checks/runChecks.ts';
export { ALL_RULES } from './checks/rules/allRules.ts';
export { runSequenceChecks, SEQUENCE_RULES } from './checks/runSequenceChecks.ts';
export type { SequenceFrame, SequenceContext, SequenceRule } from './checks/SequenceContext.ts';
export { FrameChecker } from './checks/FrameChecker.ts';
export type { FrameCheckRun } from './checks/FrameChecker.ts';
export { analyzeFrame } from './checks/frame/analyzeFrame.ts';
export type { AnalyzeFrameOptions } from './checks/frame/analyzeFrame.ts';
export type { FrameAnalysis } from './checks/frame/FrameAnalysis.ts';
export type { ObstacleClusters } from './checks/frame/clusterObstacles.ts';
export { labelRegionFromCamera } from './checks/labelRegionFromCamera.ts';
export { edgeCaseDictionarySchema, defaultCheckSettings } from './checks/dictionary/EdgeCaseDictionary.ts';
export type {
  EdgeCaseDictionary,
  EdgeCaseDictionaryInput,
  ClassRule,
  EdgeCase,
  CheckSettings,
  DistanceBand,
  AllowedOverlap,
  MinPoints,
} from './checks/dictionary/EdgeCaseDictionary.ts';
export { defaultDictionary } from './checks/dictionary/defaultDictionary.ts';
export { parseDictionary } from './checks/dictionary/parseDictionary.ts';
export { DictionaryError } from './checks/dictionary/DictionaryError.ts';
export { bumpDictionaryVersion, setClassRule, removeClass, upsertEdgeCase, removeEdgeCase, updateSettings } from './checks/dictionary/editDictionary.ts';
export { searchEdgeCases } from './checks/dictionary/searchEdgeCases.ts';
export { minPointsAt } from './checks/dictionary/minPointsAt.ts';
export { edgeCaseForRule } from './checks/dictionary/edgeCaseForRule.ts';

// Sequences: propagation, interpolation, tracks
export { predictBox, yawDelta, DEFAULT_MAX_STEP, DEFAULT_MAX_YAW_RATE } from './sequence/predictBox.ts';
export type { PredictBoxOptions } from './sequence/predictBox.ts';
export { propagateBox, defaultMinPoints, defaultGate } from './sequence/propagateBox.ts';
export type { PropagateBoxOptions, PropagateBoxResult, PropagationStatus } from './sequence/propagateBox.ts';
export { registerBox } from './sequence/registerBox.ts';
export type { FrameCloud, RegisterBoxOptions, RegisterBoxResult } from './sequence/registerBox.ts';
export { searchShift } from './sequence/searchShift.ts';
export type { SearchShiftOptions, ShiftSearchResult } from './sequence/searchShift.ts';
export { interpolateTrack, meanSize } from './sequence/interpolateTrack.ts';
export type { TrackKeyframe, InterpolatedBox, InterpolateTrackOptions, InterpolationSizeMode } from './sequence/interpolateTrack.ts';
export { planInterpolation } from './sequence/planInterpolation.ts';
export type { InterpolationPlan, InterpolationUpdate } from './sequence/planInterpolation.ts';
export { lockTrackSize, trackSize } from './sequence/lockTrackSize.ts';
export type { LockTrackSizeResult } from './sequence/lockTrackSize.ts';
export { listTracks, findTrackBox, trackBoxIds, trackBoxes, nearestKeyframes, trackHistory } from './sequence/tracks.ts';
export type { FrameBoxes, TrackSummary } from './sequence/tracks.ts';
export { carryCuboid } from './sequence/carryCuboid.ts';
export type { CarryCuboidOptions } from './sequence/carryCuboid.ts';
export { mergeTrackBoxes } from './sequence/mergeTrackBoxes.ts';
export type { MergeTrackBoxesResult } from './sequence/mergeTrackBoxes.ts';
export { KEYFRAME_ATTRIBUTE, NEEDS_ATTENTION_ATTRIBUTE, isKeyframe, needsAttention } from './sequence/trackAttributes.ts';
