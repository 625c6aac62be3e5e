import type { FramesSlice } from './slices/framesSlice.ts';
import type { LoadSlice } from './slices/loadSlice.ts';
import type { ViewSlice } from './slices/viewSlice.ts';
import type { DocSlice } from './slices/docSlice.ts';
import type { SelectionSlice } from './slices/selectionSlice.ts';
import type { InteractionSlice } from './slices/interactionSlice.ts';
import type { ToolSlice } from './slices/toolSlice.ts';
import type { ClassSlice } from './slices/classSlice.ts';
import type { SaveSlice } from './slices/saveSlice.ts';
import type { UiSlice } from './slices/uiSlice.ts';
import type { ChecksSlice } from './slices/checksSlice.ts';
import type { TracksSlice } from './slices/tracksSlice.ts';
import type { SequenceSlice } from './slices/sequenceSlice.ts';
import type { ReviewSlice } from './slices/reviewSlice.ts';
import type { SessionSlice } from './slices/sessionSlice.ts';
import type { MergeSlice } from './slices/mergeSlice.ts';
import type { VisibilitySlice } from './slices/visibilitySlice.ts';
import type { BatchSlice } from './slices/batchSlice.ts';

/** The whole app store: the union of its slices. Plain, serializable data only. */
export type AppState = FramesSlice &
  LoadSlice &
  ViewSlice &
  DocSlice &
  SelectionSlice &
  InteractionSlice &
  ToolSlice &
  ClassSlice &
  SaveSlice &
  UiSlice &
  SequenceSlice &
  ChecksSlice &
  TracksSlice &
  ReviewSlice &
  SessionSlice &
  MergeSlice &
  VisibilitySlice &
  BatchSlice;

/** The part of the state the undo history records (zundo `partialize`). */
export type HistoryState = Pick<AppState, 'doc'>;
