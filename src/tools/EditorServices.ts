import type { FitResult as DomainFitResult } from '../domain/geometry/fitCuboid.ts';
import type { CuboidShape } from '../domain/geometry/CuboidShape.ts';
import type { Point3 } from './ToolEvent.ts';
import type { SequenceService } from '../io/sequenceTypes.ts';
import type { NewFlagInput } from '../io/apiClient.ts';
import type { EdgeCase } from '../domain/checks/dictionary/EdgeCaseDictionary.ts';
import type { ReviewFlag } from '../domain/document/FrameAnnotation.ts';
import type { SubmitOverride } from '../domain/review/matchOverrides.ts';

/**
 * Services the tools and actions call but do not implement. The app wires them (fit → the
 * point-cloud worker, ground → the frame's ground estimate, navigation → `openFrame`, save → the
 * autosave); tests pass fakes. All geometry is LiDAR frame, metres, radians.
 */

export interface FitOptions {
  /** Class of the box (its default size is the prior for sparse objects). */
  label: string;
  /** An existing box to refine (refit, heading cycling). */
  prior?: CuboidShape;
  /** Which of the fit's heading candidates to use (0 = best). */
  headingIndex?: number;
  /** Gather points no farther than this from the point (metres; `FitCuboidOptions.reach`): a finding's extent. */
  reach?: number;
  /** Boxes already drawn near the point: their points are not gathered (`FitCuboidOptions.exclude`). */
  exclude?: CuboidShape[];
}

/**
 * What a fit returns: the domain's `fitCuboid` result without its point indices (LiDAR frame,
 * metres, radians; `headingCandidates` best first, `yaw` the chosen one).
 */
export type FitResult = Omit<DomainFitResult, 'indices'>;

export interface FitService {
  /** Fits a box to the cluster at `point` in frame `frameId`; null when there is nothing to fit. */
  fit(frameId: string, point: Point3, options: FitOptions): Promise<FitResult | null>;
}

export interface GroundProvider {
  /**
   * Ground height (LiDAR z, metres) at (x, y) in frame `frameId`, or null when unknown (e.g. the
   * estimate is not ready). Synchronous so that a drag can commit in one step.
   */
  groundZ(frameId: string, x: number, y: number): number | null;
}

export interface NavigationService {
  /** Opens another frame (the app's `openFrame`). */
  openFrame(frameId: string): void | Promise<void>;
}

export interface SaveService {
  /** Saves the open frame now instead of waiting for the autosave debounce. */
  saveNow(): Promise<void>;
}

export interface TracksService {
  /** Reads the dataset's track index again into the store (the tracks panel, the trajectory view). */
  reload(): Promise<void>;
}

export interface FrameListService {
  /** Fetches the frame list again (status, box counts, check summaries). */
  refreshFrames(): Promise<unknown>;
}

/** Review steps on the open frame (the store's `review` slice shows their state); true when done. */
export interface ReviewCommands {
  /**
   * Loads the review state (and the diff) of a frame; a load for another frame in the meantime
   * wins. When someone else moved the frame on (a verdict, a flag) and this page has no unsaved
   * work, the editor gets the server's document, so that status and flags stay current.
   */
  load(frameId: string): Promise<void>;
  /** Compares other revisions (0 = empty, before any save). */
  setDiffRange(range: { from?: number; to?: number }): Promise<void>;
  /** Submits the open frame; a refusal for check errors fills `review.pendingErrors`. */
  submit(overrides?: readonly SubmitOverride[]): Promise<boolean>;
  cancelSubmit(): void;
  accept(): Promise<boolean>;
  reject(comment: string): Promise<boolean>;
  /** A flag on a box, or at a LiDAR-frame point (metres) for a missed object. */
  addFlag(input: NewFlagInput): Promise<boolean>;
  /** Resolves (annotator), closes or reopens (reviewer) a flag of the open frame. */
  setFlagState(flagId: string, state: ReviewFlag['state']): Promise<boolean>;
}

/** The page's session (the store's `session` slice). */
export interface SessionCommands {
  load(): Promise<void>;
  login(token: string): Promise<boolean>;
  logout(): Promise<void>;
}

/** SOP editing (the store's `dictionary`). */
export interface DictionaryCommands {
  saveEdgeCase(entry: EdgeCase | null, removeId?: string): Promise<boolean>;
}

/** The save conflict's two ways out (the store's `save.conflict`). */
export interface ConflictCommands {
  resolveConflict(choice: 'mine' | 'theirs'): Promise<void>;
}

export interface EditorServices {
  fit: FitService;
  ground: GroundProvider;
  navigation: NavigationService;
  save: SaveService;
  /** Propagation, interpolation and track-wide edits across frames; absent where not wired (the actions say so). */
  sequence?: SequenceService;
  /** The dataset's track index; absent where not wired. */
  tracks?: TracksService;
  /** The frame list, review, session, SOP and save-conflict commands of a page; absent where not wired. */
  frames?: FrameListService;
  review?: ReviewCommands;
  session?: SessionCommands;
  dictionary?: DictionaryCommands;
  conflict?: ConflictCommands;
}

/** Services that do nothing: fit finds nothing, ground is unknown. A base for partial wiring. */
export const nullServices: EditorServices = {
  fit: { fit: async () => null },
  ground: { groundZ: () => null },
  navigation: { openFrame: () => undefined },
  save: { saveNow: async () => undefined },
};
