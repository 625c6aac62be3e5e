// The frame-id rule is shared with the request schemas (`domain/api/requestSchemas.ts`).
export { isValidFrameId } from '../../domain/api/frameId.ts';
