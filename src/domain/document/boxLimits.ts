/** Bounds of a box the annotation schema accepts (`validateAnnotation`), for code that must not import zod. */

/** Largest coordinate magnitude accepted, metres (far beyond any LiDAR range, well inside float64). */
export const MAX_COORD = 1e6;
/** Largest box edge accepted, metres. */
export const MAX_SIZE = 1e4;
