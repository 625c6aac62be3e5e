import type { FramesSlice } from './slices/framesSlice.ts';
import type { LoadSlice } from './slices/loadSlice.ts';
import type { ViewSlice } from './slices/viewSlice.ts';

/** The whole app store: the union of its slices. Plain, serializable data only. */
export type AppState = FramesSlice & LoadSlice & ViewSlice;
