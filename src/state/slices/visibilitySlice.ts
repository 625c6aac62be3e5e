import type { StateCreator } from 'zustand';
import type { AppState } from '../AppState.ts';

/** A closed interval; either end null means unbounded on that side. */
export interface Interval {
  min: number | null;
  max: number | null;
}

/**
 * What the annotator hides or locks, and how the viewer filters points. Not in the undo history and
 * not saved with the annotation: it is a view of the frame, kept across frames of one session.
 */
export interface VisibilitySlice {
  visibility: {
    /** Classes whose boxes (and the points inside them) are hidden. */
    hiddenClasses: readonly string[];
    /** Single boxes hidden, by box id. */
    hiddenBoxIds: readonly string[];
    /** Tracks of the boxes hidden one by one: their boxes in the frames opened next are hidden too. */
    hiddenTrackIds: readonly string[];
    /** Classes whose boxes cannot be selected in the viewport or edited. */
    lockedClasses: readonly string[];
    /** Single boxes locked, by box id. */
    lockedBoxIds: readonly string[];
    /** Tracks of the boxes locked one by one: their boxes in the frames opened next are locked too. */
    lockedTrackIds: readonly string[];
    /** Height slice: points kept only with z in this interval (LiDAR frame, metres). */
    heightSlice: Interval;
    /** Range crop: points kept only with horizontal distance from the sensor in this interval (metres). */
    rangeCrop: Interval;
    /** Hide the points the ground model labels as ground. */
    hideGround: boolean;
    /** Draw class and track-id labels on boxes (hidden automatically when cluttered). */
    boxLabels: boolean;
    /** Bumped to ask the object list to focus its search field (the `/` key). */
    searchRequest: number;
  };
  /** Toggles (or sets, when `hidden` is given) a class's visibility; boxes hidden leave the selection. */
  setClassHidden: (cls: string, hidden?: boolean) => void;
  setBoxHidden: (boxId: string, hidden?: boolean) => void;
  setClassLocked: (cls: string, locked?: boolean) => void;
  setBoxLocked: (boxId: string, locked?: boolean) => void;
  setHeightSlice: (slice: Interval) => void;
  setRangeCrop: (crop: Interval) => void;
  setHideGround: (hide: boolean) => void;
  setBoxLabels: (show: boolean) => void;
  /** Asks the object list to focus its search field. */
  requestObjectSearch: () => void;
  /** Shows and unlocks everything and clears the slice and crop. */
  resetVisibility: () => void;
}

const NO_LIMIT: Interval = { min: null, max: null };

const INITIAL: VisibilitySlice['visibility'] = {
  hiddenClasses: [],
  hiddenBoxIds: [],
  hiddenTrackIds: [],
  lockedClasses: [],
  lockedBoxIds: [],
  lockedTrackIds: [],
  heightSlice: NO_LIMIT,
  rangeCrop: NO_LIMIT,
  hideGround: false,
  boxLabels: true,
  searchRequest: 0,
};

/** `list` with `item` added or removed: toggled when `on` is undefined. */
function toggled(list: readonly string[], item: string, on: boolean | undefined): readonly string[] {
  const has = list.includes(item);
  const want = on ?? !has;
  if (want === has) return list;
  return want ? [...list, item] : list.filter((x) => x !== item);
}

/** The selection less `gone`, as a patch (none when nothing of it was selected). */
function withoutSelected(selectedIds: readonly string[], gone: ReadonlySet<string>): { selectedIds?: string[] } {
  return selectedIds.some((id) => gone.has(id)) ? { selectedIds: selectedIds.filter((id) => !gone.has(id)) } : {};
}

export const createVisibilitySlice: StateCreator<AppState, [], [], VisibilitySlice> = (set) => ({
  visibility: INITIAL,
  // A box hidden leaves the selection: the edit keys would move or delete it out of sight.
  setClassHidden: (cls, hidden) =>
    set((s) => {
      const hiddenClasses = toggled(s.visibility.hiddenClasses, cls, hidden);
      const gone = new Set(hiddenClasses.includes(cls) ? (s.doc?.cuboids ?? []).filter((c) => c.label === cls).map((c) => c.id) : []);
      return { visibility: { ...s.visibility, hiddenClasses }, ...withoutSelected(s.selectedIds, gone) };
    }),
  // A box of a track is hidden or locked with its track: the frames opened next hide or lock its boxes too.
  setBoxHidden: (id, hidden) =>
    set((s) => {
      const hiddenBoxIds = toggled(s.visibility.hiddenBoxIds, id, hidden);
      const on = hiddenBoxIds.includes(id);
      const trackId = s.doc?.cuboids.find((c) => c.id === id)?.trackId ?? null;
      const hiddenTrackIds = trackId === null ? s.visibility.hiddenTrackIds : toggled(s.visibility.hiddenTrackIds, trackId, on);
      return { visibility: { ...s.visibility, hiddenBoxIds, hiddenTrackIds }, ...withoutSelected(s.selectedIds, new Set(on ? [id] : [])) };
    }),
  setClassLocked: (cls, locked) => set((s) => ({ visibility: { ...s.visibility, lockedClasses: toggled(s.visibility.lockedClasses, cls, locked) } })),
  setBoxLocked: (id, locked) =>
    set((s) => {
      const lockedBoxIds = toggled(s.visibility.lockedBoxIds, id, locked);
      const trackId = s.doc?.cuboids.find((c) => c.id === id)?.trackId ?? null;
      const lockedTrackIds = trackId === null ? s.visibility.lockedTrackIds : toggled(s.visibility.lockedTrackIds, trackId, lockedBoxIds.includes(id));
      return { visibility: { ...s.visibility, lockedBoxIds, lockedTrackIds } };
    }),
  setHeightSlice: (heightSlice) => set((s) => ({ visibility: { ...s.visibility, heightSlice } })),
  setRangeCrop: (rangeCrop) => set((s) => ({ visibility: { ...s.visibility, rangeCrop } })),
  setHideGround: (hideGround) => set((s) => ({ visibility: { ...s.visibility, hideGround } })),
  setBoxLabels: (boxLabels) => set((s) => ({ visibility: { ...s.visibility, boxLabels } })),
  requestObjectSearch: () => set((s) => ({ visibility: { ...s.visibility, searchRequest: s.visibility.searchRequest + 1 } })),
  resetVisibility: () => set((s) => ({ visibility: { ...INITIAL, boxLabels: s.visibility.boxLabels, searchRequest: s.visibility.searchRequest } })),
});

/**
 * The visibility for a newly loaded document: a box of a track is hidden or locked exactly when
 * its track is (box ids are per frame; a track runs through the frames), other boxes as they were.
 */
export function visibilityForDoc(v: VisibilitySlice['visibility'], cuboids: readonly { id: string; trackId: string | null }[]): VisibilitySlice['visibility'] {
  const tracked = cuboids.filter((c) => c.trackId !== null);
  if (tracked.length === 0) return v;
  const follow = (ids: readonly string[], tracks: readonly string[]): readonly string[] => {
    const on = new Set(tracks);
    const mine = new Set(tracked.map((c) => c.id));
    const next = [...ids.filter((id) => !mine.has(id)), ...tracked.filter((c) => on.has(c.trackId!)).map((c) => c.id)];
    return next.length === ids.length && next.every((id) => ids.includes(id)) ? ids : next;
  };
  const hiddenBoxIds = follow(v.hiddenBoxIds, v.hiddenTrackIds);
  const lockedBoxIds = follow(v.lockedBoxIds, v.lockedTrackIds);
  return hiddenBoxIds === v.hiddenBoxIds && lockedBoxIds === v.lockedBoxIds ? v : { ...v, hiddenBoxIds, lockedBoxIds };
}
