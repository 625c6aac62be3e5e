import path from 'node:path';
import type { DatasetSource } from './DatasetSource.ts';
import type { FileKind } from './datasetLayouts.ts';
import { FRAME_ID_RULE, isValidFrameId } from './frameId.ts';

/** Camera image extensions and their content types. */
export const IMAGE_TYPES: Record<string, string> = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg' };

/** One listed folder: what it held and the stamp it had when listed. */
export interface FolderListing {
  /** Relative to the dataset ('' = its root). */
  dir: string;
  stamp: string;
  files: Map<string, FoundFile>;
  warnings: string[];
}

/** The extensions each kind of dataset file may have, in order of preference for a shared stem. */
export const EXTENSIONS: Record<FileKind, string[]> = {
  points: ['.bin', '.pcd.bin', '.pcd', '.ply', '.las', '.laz'],
  calib: ['.txt'],
  image: Object.keys(IMAGE_TYPES),
  label: ['.txt'],
};

interface FoundFile {
  path: string;
  ext: string;
  bytes: number;
}

/** The raw `.bin` point files of a listing (their layouts are chosen from these). */
export function binFilesOf(listing: FolderListing): { path: string; bytes: number }[] {
  return [...listing.files.values()].filter((f) => f.ext.endsWith('.bin')).map((f) => ({ path: f.path, bytes: f.bytes }));
}

/** The extension of `name` among `exts` (`.pcd.bin` before `.bin`), lower case, or null. */
function extensionOf(name: string, exts: string[]): string | null {
  const lower = name.toLowerCase();
  const ext = exts.includes('.pcd.bin') && lower.endsWith('.pcd.bin') ? '.pcd.bin' : path.extname(lower);
  return exts.includes(ext) ? ext : null;
}

/**
 * The files of `dir` (relative to the dataset) with one of `exts`, keyed by stem; the first
 * extension wins a shared stem. Every entry with a wanted extension that is left out gets a
 * warning naming it relative to the dataset and why (a bad frame id here; the source adds links
 * leading out and entries that are not regular files).
 */
export async function listFolder(source: DatasetSource, dir: string, exts: string[], needSize: boolean): Promise<FolderListing> {
  const warnings: string[] = [];
  const accept = (name: string): boolean => {
    const ext = extensionOf(name, exts);
    if (ext === null) return false;
    if (isValidFrameId(name.slice(0, name.length - ext.length))) return true;
    if (!name.startsWith('.'))
      warnings.push(`skipped ${source.display(source.ref(dir === '' ? name : `${dir}/${name}`))}: not a valid frame id (${FRAME_ID_RULE})`);
    return false;
  };
  const listed = await source.listFolder(dir, { accept, needSize });
  const candidates = listed.files.map((f) => {
    const ext = extensionOf(f.name, exts) as string;
    return { ...f, ext, stem: f.name.slice(0, f.name.length - ext.length) };
  });
  candidates.sort((a, b) => exts.indexOf(a.ext) - exts.indexOf(b.ext) || (a.ref < b.ref ? -1 : 1));
  const found = new Map<string, FoundFile>();
  for (const c of candidates) {
    const prior = found.get(c.stem);
    if (prior !== undefined) {
      warnings.push(`skipped ${source.display(c.ref)}: ${source.display(prior.path)} has the same frame id`);
      continue;
    }
    found.set(c.stem, { path: c.ref, ext: c.ext, bytes: c.bytes });
  }
  return { dir, stamp: listed.stamp, files: found, warnings: [...warnings, ...listed.warnings] };
}
