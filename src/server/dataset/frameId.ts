// The frame-id rule is shared with the request schemas (`domain/api/requestSchemas.ts`).
export { FRAME_ID_PATTERN, MAX_FRAME_ID_LENGTH, isValidFrameId } from '../../domain/api/frameId.ts';
