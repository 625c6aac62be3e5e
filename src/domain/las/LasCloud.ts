import type { PointCloud } from '../types.ts';
import type { LasHeader } from './LasHeader.ts';

/**
 * A decoded LAS or LAZ file. `positions` are X × scale + offset (computed in float64, stored as
 * float32; metres in the file's frame), in file order. Attributes, per point:
 * `intensity` (Uint16, as stored), `return_number` and `number_of_returns` (Uint8, 1-based),
 * `classification` (Uint8: ASPRS class; formats 0–5 keep the low 5 bits), `scan_angle` (Float32
 * degrees; formats 6–10 store 0.006° steps), `user_data` (Uint8), `point_source_id` (Uint16),
 * `gps_time` (Float64 seconds, formats with time), `rgb` (Uint32 0xRRGGBB from 16-bit channels,
 * formats with colour), `nir` (Uint16, formats 8 and 10) and every `extra bytes` field by name.
 */
export interface LasCloud extends PointCloud {
  header: LasHeader;
  /** The header's warnings, plus what the reader noticed (precision of far coordinates, colour depth). */
  warnings: string[];
}
