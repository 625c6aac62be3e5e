import { parsePcd } from '../src/domain/pcd/parsePcd.ts';
import { readVelodyneBin } from '../src/domain/kitti/readVelodyneBin.ts';
import type { PointCloud } from '../src/domain/types.ts';
import { frameClouds } from './frameClouds.ts';
import { binLayoutOfResponse } from './binLayoutOfResponse.ts';
import type { PointFileKind } from '../src/domain/pointcloud/pointFileKind.ts';
import { parseWholeFile } from './parseWholeFile.ts';

/**
 * Fetches a whole point file and parses it in one go (no batches: nothing is drawn from it; it
 * is for fitting and tracking in frames other than the one on screen). `kind` says the format
 * (PCD, raw `.bin`, PLY, LAS or LAZ); a
 * `.bin` is read with the layout the server names (`X-Cuboid-Bin-Layout`).
 * Throws `fetchCloud: ...` naming the frame when the request fails, and the parser's error
 * (PcdError, KittiError) when the file is malformed.
 */
export async function fetchCloud(frameId: string, url: string, kind: PointFileKind): Promise<PointCloud> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`fetchCloud: could not load points of frame ${frameId}: ${response.status} ${response.statusText}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  const fileName = `${frameId}.${kind}`;
  if (kind === 'ply' || kind === 'las' || kind === 'laz') {
    const other = await parseWholeFile(bytes, kind, fileName);
    return { count: other.count, positions: other.positions, attributes: other.attributes };
  }
  const cloud = kind === 'pcd' ? parsePcd(bytes, { fileName }) : readVelodyneBin(bytes, { fileName, layout: binLayoutOfResponse(response).layout });
  return { count: cloud.count, positions: cloud.positions, attributes: cloud.attributes };
}

const inflight = new Map<string, Promise<PointCloud>>();

/**
 * Makes sure the worker's frame cache holds frame `frameId`: a cached frame is only marked as
 * recently used; otherwise the file is fetched and parsed whole (`fetchCloud`), once even when
 * asked for concurrently. Returns the frame's point count and whether it was cached already.
 */
export async function ensureFrameCloud(frameId: string, url: string, kind: PointFileKind): Promise<{ count: number; cached: boolean }> {
  const entry = frameClouds.get(frameId);
  if (entry) return { count: entry.cloud.count, cached: true };
  let pending = inflight.get(frameId);
  if (!pending) {
    pending = fetchCloud(frameId, url, kind).finally(() => inflight.delete(frameId));
    inflight.set(frameId, pending);
  }
  const cloud = await pending;
  if (!frameClouds.get(frameId)) frameClouds.put(frameId, cloud);
  return { count: cloud.count, cached: false };
}
