/**
 * Input events for the tool state machines. The renderer resolves every hit before building an
 * event (STYLE.md §4.5): tools never raycast or read the DOM. All points are in the LiDAR frame,
 * metres.
 */

/** A LiDAR-frame point, metres. */
export type Point3 = [number, number, number];

/**
 * A grabbed part of a cuboid.
 * - `'+x' | '-x' | '+y' | '-y' | '+z' | '-z'`: a face, in box-local axes (+x front along the
 *   heading, +y left, +z top). Dragging it moves that face; the opposite face stays put.
 * - `'rotate'`: the yaw handle; dragging turns the box about its centre.
 * - `'move'`: the body (same as a hit without a handle).
 */
export type FaceHandle = '+x' | '-x' | '+y' | '-y' | '+z' | '-z';
export type Handle = FaceHandle | 'rotate' | 'move';

/**
 * The views events come from. `main` is the 3D view, `top` the bird's-eye view; `side` and
 * `front` are the detail views of the selected box: `side` looks along the box's −y axis (shows its
 * length and height), `front` along its −x axis (shows width and height).
 */
export type ViewId = 'main' | 'top' | 'side' | 'front';

export type Hit = { kind: 'cuboid'; id: string; handle?: Handle } | { kind: 'points'; point: Point3 } | { kind: 'ground' } | { kind: 'none' };

export interface Modifiers {
  shiftKey: boolean;
  altKey: boolean;
  ctrlKey: boolean;
}

export interface PointerEvent extends Modifiers {
  type: 'pointer_down' | 'pointer_move' | 'pointer_up';
  /**
   * The LiDAR point under the cursor (metres). In `main` and `top` views: the picked point of the
   * cloud if any, else the ground plane hit. In `side`/`front` views: the cursor on the view's
   * plane through the selected box's centre (so its z is meaningful there).
   */
  point: Point3;
  view: ViewId;
  hit: Hit;
  /** Optional cursor position in CSS pixels; used for the click-vs-drag threshold when present. */
  screen?: [number, number];
  /**
   * Optional rotation (radians about +z) of the view's horizontal axes in the LiDAR frame, for a
   * top view that is not aligned with LiDAR x/y. Rectangles drawn there follow the view. Default 0.
   */
  viewYaw?: number;
}

export interface KeyEvent extends Modifiers {
  type: 'key_down';
  /** `KeyboardEvent.key` (e.g. 'Escape', 'Shift', 'a'). */
  key: string;
}

/** Abort the current gesture and restore what it changed (Escape, pointer capture lost, frame switch). */
export interface CancelEvent {
  type: 'cancel';
}

export type ToolEvent = PointerEvent | KeyEvent | CancelEvent;

/** Builds a pointer event with default modifiers (handy for the renderer and tests). */
export function pointerEvent(
  type: PointerEvent['type'],
  point: Point3,
  hit: Hit,
  view: ViewId = 'top',
  mods: Partial<Modifiers> & Pick<PointerEvent, 'screen' | 'viewYaw'> = {},
): PointerEvent {
  return { type, point, hit, view, shiftKey: false, altKey: false, ctrlKey: false, ...mods };
}
