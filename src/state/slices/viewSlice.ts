import type { StateCreator } from 'zustand';
import type { AppState } from '../AppState.ts';

/**
 * How points are coloured: a built-in scalar, any attribute name of the file, or `boxClass`: the class
 * colour of the box a point falls in (grey outside every box).
 */
export type ColorMode = 'height' | 'distance' | 'intensity' | 'rgb' | 'boxClass' | string;

export interface ViewSlice {
  view: {
    colorMode: ColorMode;
    /** Whether the user picked the colour mode (else it follows the file: its colours when it has rgb). */
    colorModeChosen: boolean;
    pointSize: number;
    /**
     * Most points drawn in the overview and the merged view; the rest are decimated away from the
     * selection (one frame) or not drawn (the merge's level-of-detail order). 2M, or 0.5M on a
     * software renderer (`suggestPointBudget`) until the user picks one.
     */
    pointBudget: number;
    /** Whether the user picked the point budget (else the renderer's suggestion holds). */
    pointBudgetChosen: boolean;
    /** The main view: perspective orbit, or bird's-eye top view (draw boxes by dragging). */
    mainMode: 'perspective' | 'top';
    /** The camera panel (image 2 with projected boxes) and whether it also shows projected points. */
    cameraPanel: boolean;
    cameraPoints: boolean;
    /** The camera the panel shows (a name `GET /api/frames/:id/cameras` lists: `image_2`, `CAM_FRONT`), kept across frames; null = the first. */
    camera: string | null;
    /** The open frame's camera names as the panel loaded them, in rig order (what the cycle key steps through). */
    cameraNames: string[];
    /** The camera the panel shows now: `camera`, or the frame's default when it has not that one. */
    cameraShown: string | null;
    /** Bumped to ask the main view to frame the cloud (or the selected box, or `frameTarget`). */
    frameRequest: number;
    /** A LiDAR-frame point the last framing request was about (a check result without a box), or null. */
    frameTarget: [number, number, number] | null;
    /** Bumped to ask the main view to bring the selected box on screen if it is not (sliding the camera, zoom kept). */
    revealRequest: number;
    /** Bumped to ask the main view to slide its camera by `panBy` (following a track to the next frame). */
    panRequest: number;
    panBy: [number, number, number];
  };
  /** The user's choice of colour mode (kept for every frame after). */
  setColorMode: (mode: ColorMode) => void;
  /** The colour mode a newly loaded file suggests; ignored once the user has chosen one. */
  suggestColorMode: (mode: ColorMode) => void;
  setPointSize: (size: number) => void;
  /** The user's point budget (points, 100k–10M). */
  setPointBudget: (points: number) => void;
  /** The budget the renderer can draw in time; ignored once the user has chosen one. */
  suggestPointBudget: (points: number) => void;
  setMainMode: (mode: 'perspective' | 'top') => void;
  setCameraPanel: (open: boolean, points?: boolean) => void;
  /** Shows camera `name` in the panel (kept for the frames after). */
  setCamera: (name: string) => void;
  /** The panel's report: the open frame's cameras and the one it shows. */
  setCameraNames: (names: string[], shown: string | null) => void;
  /** Frames `at` (a point of interest) if given, else the selected box, else the whole cloud. */
  requestFraming: (at?: [number, number, number]) => void;
  /** Slides the main view's camera (and its orbit target) by `delta`, LiDAR frame, metres. */
  requestPan: (delta: [number, number, number]) => void;
  /** Brings the selected box into the main view when it is off screen or behind the camera (Tab). */
  requestReveal: () => void;
}

export const createViewSlice: StateCreator<AppState, [], [], ViewSlice> = (set) => ({
  view: {
    colorMode: 'height',
    colorModeChosen: false,
    pointSize: 2,
    pointBudget: 2_000_000,
    pointBudgetChosen: false,
    mainMode: 'perspective',
    cameraPanel: false,
    cameraPoints: false,
    camera: null,
    cameraNames: [],
    cameraShown: null,
    frameRequest: 0,
    frameTarget: null,
    revealRequest: 0,
    panRequest: 0,
    panBy: [0, 0, 0],
  },
  requestReveal: () => set((s) => ({ view: { ...s.view, revealRequest: s.view.revealRequest + 1 } })),
  requestPan: (panBy) => set((s) => ({ view: { ...s.view, panRequest: s.view.panRequest + 1, panBy } })),
  requestFraming: (at) => set((s) => ({ view: { ...s.view, frameRequest: s.view.frameRequest + 1, frameTarget: at ?? null } })),
  setColorMode: (colorMode) => set((s) => ({ view: { ...s.view, colorMode, colorModeChosen: true } })),
  suggestColorMode: (colorMode) => set((s) => (s.view.colorModeChosen || s.view.colorMode === colorMode ? s : { view: { ...s.view, colorMode } })),
  setCameraPanel: (cameraPanel, points) => set((s) => ({ view: { ...s.view, cameraPanel, cameraPoints: points ?? s.view.cameraPoints } })),
  setCamera: (camera) => set((s) => ({ view: { ...s.view, camera } })),
  setCameraNames: (cameraNames, cameraShown) =>
    set((s) =>
      s.view.cameraShown === cameraShown && s.view.cameraNames.length === cameraNames.length && s.view.cameraNames.every((n, i) => n === cameraNames[i])
        ? s
        : { view: { ...s.view, cameraNames, cameraShown } },
    ),
  setMainMode: (mainMode) => set((s) => ({ view: { ...s.view, mainMode } })),
  setPointBudget: (points) => set((s) => ({ view: { ...s.view, pointBudget: clampBudget(points), pointBudgetChosen: true } })),
  suggestPointBudget: (points) =>
    set((s) => (s.view.pointBudgetChosen || s.view.pointBudget === clampBudget(points) ? s : { view: { ...s.view, pointBudget: clampBudget(points) } })),
  setPointSize: (pointSize) => set((s) => ({ view: { ...s.view, pointSize: Math.min(8, Math.max(1, pointSize)) } })),
});

/** A point budget within what the merged route serves (1,000–10M), at least 100k. */
function clampBudget(points: number): number {
  return Math.round(Math.min(10_000_000, Math.max(100_000, Number.isFinite(points) ? points : 2_000_000)));
}
