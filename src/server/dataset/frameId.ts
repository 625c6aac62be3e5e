// The frame-id rule is shared with the request schemas (`domain/api/requestSchemas.ts`).
export { FRAME_ID_RULE, isValidFrameId } from '../../domain/api/frameId.ts';
