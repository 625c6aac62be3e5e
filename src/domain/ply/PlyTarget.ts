import type { AttributeArray } from '../types.ts';
import { PointFileError } from '../pointcloud/PointFileError.ts';
import type { PlyElement, PlyProperty } from './PlyHeader.ts';
import { allocatePlyArray } from './plyColumns.ts';

/** Where one vertex property goes: an axis of `positions`, an attribute, or nowhere (a list). */
export interface PlySlot {
  property: PlyProperty;
  /** 0, 1, 2 for x, y, z; -1 otherwise. */
  axis: number;
  /** The attribute array (null for positions and lists). */
  array: AttributeArray | null;
}

export interface PlyTarget {
  count: number;
  positions: Float32Array;
  attributes: Record<string, AttributeArray>;
  slots: PlySlot[];
}

const AXES: Record<string, number> = { x: 0, y: 1, z: 2 };

/**
 * Allocates the vertex arrays: positions (zero-filled, so a missing axis reads 0) and one typed
 * array per scalar property that is not x, y or z.
 * @throws PointFileError `too-large` when they cannot be allocated
 */
export function createPlyTarget(vertex: PlyElement, fn: string, fileName?: string): PlyTarget {
  const count = vertex.count;
  try {
    const positions = new Float32Array(count * 3);
    const attributes: Record<string, AttributeArray> = {};
    const slots = vertex.properties.map((property): PlySlot => {
      const axis = property.countType === null ? (AXES[property.name] ?? -1) : -1;
      let array: AttributeArray | null = null;
      if (axis < 0 && property.countType === null) {
        array = allocatePlyArray(property.type, count);
        attributes[property.name] = array;
      }
      return { property, axis, array };
    });
    return { count, positions, attributes, slots };
  } catch (e) {
    if (e instanceof RangeError) {
      throw new PointFileError(fn, 'too-large', `cannot allocate arrays for ${count} vertices (${e.message})`, { fileName, field: 'element vertex' });
    }
    throw e;
  }
}
