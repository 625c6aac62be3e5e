/**
 * Angles carry their unit in the type (excalidraw's `Radians`/`Degrees`): a `Degrees` value cannot be
 * passed where radians are meant without `degreesToRadians`. Both are plain numbers at run time and
 * read as `number` wherever a number is wanted; only making one needs a named function.
 */
declare const angleUnit: unique symbol;

/** An angle in radians (the unit of every yaw, heading and rotation in the domain). */
export type Radians = number & { readonly [angleUnit]: 'rad' };
/** An angle in degrees (what people type and read: the inspector, the nudge steps, messages). */
export type Degrees = number & { readonly [angleUnit]: 'deg' };

/** Declares that `value` is in radians. */
export const radians = (value: number): Radians => value as Radians;
/** Declares that `value` is in degrees. */
export const degrees = (value: number): Degrees => value as Degrees;

export function degreesToRadians(deg: Degrees): Radians {
  return ((deg * Math.PI) / 180) as Radians;
}

export function radiansToDegrees(rad: Radians): Degrees {
  return ((rad * 180) / Math.PI) as Degrees;
}
