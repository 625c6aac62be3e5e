/**
 * The zlib compressor of the sample images (Node only): node:zlib at level 9. Shared by
 * `generateSamples.ts` and the test that checks the committed samples byte for byte.
 */
import { deflateSync } from 'node:zlib';
import type { ZlibDeflate } from './encodePng.ts';

/** zlib stream (RFC 1950) of `raw`, deflate level 9. */
export const nodeDeflate: ZlibDeflate = (raw) => new Uint8Array(deflateSync(raw, { level: 9 }));
