import { BufferAttribute, DataTexture, RGBAFormat, UnsignedByteType } from 'three';
import type { BufferGeometry } from 'three';

/**
 * What the worker worked out per point of the open frame, in render order (finite points), for
 * the point shader's visibility filters and class colours: the box each point is in (`aBox`, 0
 * none, k = `boxIds[k - 1]`) and whether it is ground (`aGround`). Plus the box table texture
 * (class colour and shown/hidden per box). Kept outside the store (typed arrays never enter it);
 * only the open frame's tags are kept. One per page (`createPointTags`), never module-level.
 */
interface FrameTags {
  frameId: string;
  box: Uint16Array | null;
  boxIds: readonly string[];
  ground: Uint8Array | null;
}

/** A page's per-point tags of its open frame and its box table texture (see `createPointTags`). */
export interface PointTags {
  /** The box number of every rendered point of `frameId` and the box ids the numbers refer to. */
  setBoxes(frameId: string, box: Uint16Array, boxIds: readonly string[]): void;
  /** The ground flag of every rendered point of `frameId`. */
  setGround(frameId: string, ground: Uint8Array): void;
  /** The box ids the open frame's box numbers refer to (empty until numbered). */
  boxIds(frameId: string): readonly string[];
  hasGround(frameId: string): boolean;
  /** Replaces the box table texture (RGBA bytes, see `boxTableTexels`); `inUse` false turns it off. */
  setTable(texels: { data: Uint8Array; width: number; height: number } | null, inUse: boolean): void;
  table(): DataTexture | null;
  tableInUse(): boolean;
  /** Bumped on every change, tags or table (layers refresh their uniforms). */
  version(): number;
  /**
   * Points a chunk geometry of `frameId` (render points `start`…`start + count`) at the frame's
   * current tags, when they changed since it last looked; returns whether it did. A chunk the tags
   * do not cover (tags of an older load) gets none: its points read as no box, not ground.
   */
  syncAttributes(frameId: string, g: BufferGeometry, start: number, count: number): boolean;
  /** Frees the box table texture and forgets the tags (the page is torn down). */
  dispose(): void;
}

/** The point tags of one page (each `<CuboidEditor>` has its own; the texture is made on first use). */
export function createPointTags(): PointTags {
  let tags: FrameTags | null = null;
  let table: DataTexture | null = null;
  /** Whether the box table applies (hidden boxes or classes, or colour by class); false: ignore `aBox`. */
  let tableInUse = false;
  /** Bumped when the per-point tags change (chunks refresh their attributes). */
  let dataVersion = 0;
  let version = 0;
  /** Which page's tags a geometry last took (geometries are per page; the mark guards a mix-up). */
  const owner = Symbol('pointTags');

  const tagsFor = (frameId: string): FrameTags => {
    if (tags?.frameId !== frameId) tags = { frameId, box: null, boxIds: [], ground: null };
    dataVersion++;
    version++;
    return tags;
  };

  return {
    setBoxes(frameId, box, boxIds) {
      const t = tagsFor(frameId);
      t.box = box;
      t.boxIds = boxIds;
    },
    setGround(frameId, ground) {
      tagsFor(frameId).ground = ground;
    },
    boxIds: (frameId) => (tags?.frameId === frameId ? tags.boxIds : []),
    hasGround: (frameId) => tags?.frameId === frameId && tags.ground !== null,
    setTable(texels, inUse) {
      if (texels) {
        if (table && table.image.width === texels.width && table.image.height === texels.height) {
          (table.image.data as Uint8Array).set(texels.data);
        } else {
          table?.dispose();
          table = new DataTexture(texels.data, texels.width, texels.height, RGBAFormat, UnsignedByteType);
        }
        table.needsUpdate = true;
      }
      tableInUse = inUse && table !== null;
      version++;
    },
    table: () => table,
    tableInUse: () => tableInUse,
    version: () => version,
    syncAttributes(frameId, g, start, count) {
      if (g.userData.tagsOwner === owner && g.userData.tagsVersion === dataVersion) return false;
      g.userData.tagsOwner = owner;
      g.userData.tagsVersion = dataVersion;
      const t = tags?.frameId === frameId ? tags : null;
      setTag(g, 'aBox', t?.box ?? null, start, count);
      setTag(g, 'aGround', t?.ground ?? null, start, count);
      return true;
    },
    dispose() {
      table?.dispose();
      table = null;
      tableInUse = false;
      tags = null;
      version++;
      dataVersion++;
    },
  };
}

function setTag(g: BufferGeometry, name: string, values: Uint16Array | Uint8Array | null, start: number, count: number): void {
  const current = g.getAttribute(name) as BufferAttribute | undefined;
  if (!values || values.length < start + count) {
    if (current) g.deleteAttribute(name);
    return;
  }
  const part = values.subarray(start, start + count);
  if (current && current.array.constructor === part.constructor && current.count === count) {
    // Same size and type: upload into the existing buffer, and only when this chunk's values
    // changed (a moved box renumbers the points of a few chunks, not of the whole cloud).
    const array = current.array as Uint16Array | Uint8Array;
    if (sameValues(array, part)) return;
    array.set(part);
    current.needsUpdate = true;
    return;
  }
  g.setAttribute(name, new BufferAttribute(part.slice(), 1));
}

function sameValues(a: Uint16Array | Uint8Array, b: Uint16Array | Uint8Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
