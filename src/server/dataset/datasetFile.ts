import fs from 'node:fs/promises';
import path from 'node:path';
import { parseBinLayoutName, type BinLayoutName } from '../../domain/pointcloud/binLayouts.ts';
import type { DatasetSource } from './DatasetSource.ts';
import { DatasetFileError } from './fileError.ts';

/** The dataset file: optional settings a dataset folder carries about itself. */
export const DATASET_FILE = 'cuboid.json';

/** What `cuboid.json` may hold. Every member is optional. */
export interface DatasetSettings {
  /** The layout of the dataset's raw `.bin` point files (`xyzi`, `xyzir`, ...). */
  binLayout?: BinLayoutName;
}

const KNOWN_KEYS = ['binLayout'];

/** `cuboid.json` cannot be read or holds a bad value: nothing can be opened as it says (the CLI exits 2). */
export class DatasetSettingsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatasetSettingsError';
  }
}

/**
 * Reads `ROOT/cuboid.json` when present (e.g. `{ "binLayout": "xyzir" }`). Unknown keys are
 * returned as warnings, not errors, so a newer file still opens.
 * @throws Error naming the file (and the field) for unreadable JSON, a non-object or a bad value
 */
export async function readDatasetFile(root: string): Promise<{ path: string; settings: DatasetSettings; warnings: string[] } | null> {
  const file = path.join(root, DATASET_FILE);
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    const reason = (err as NodeJS.ErrnoException).code === 'EISDIR' ? 'a folder, not a file' : err instanceof Error ? err.message : String(err);
    throw new DatasetSettingsError(`cannot read ${file}: ${reason}`);
  }
  return parseDatasetFile(file, text);
}

/** `readDatasetFile` through a dataset source (a folder or a bucket). */
export async function readDatasetFileFrom(source: DatasetSource): Promise<{ path: string; settings: DatasetSettings; warnings: string[] } | null> {
  const file = source.ref(DATASET_FILE);
  let text: string;
  try {
    text = (await source.read(file)).toString('utf8');
  } catch (err) {
    if (err instanceof DatasetFileError && err.code === 'file_missing') return null;
    if (err instanceof DatasetFileError) throw new DatasetSettingsError(`cannot read ${file}: ${err.reason}`);
    throw err;
  }
  return parseDatasetFile(file, text);
}

function parseDatasetFile(file: string, text: string): { path: string; settings: DatasetSettings; warnings: string[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new DatasetSettingsError(`${file}: not valid JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    throw new DatasetSettingsError(`${file}: expected a JSON object such as { "binLayout": "xyzir" }`);
  const obj = json as Record<string, unknown>;
  const settings: DatasetSettings = {};
  if (obj.binLayout !== undefined) {
    try {
      settings.binLayout = parseBinLayoutName(obj.binLayout, `${file}, field "binLayout"`);
    } catch (err) {
      throw new DatasetSettingsError(err instanceof Error ? err.message : String(err));
    }
  }
  const warnings = Object.keys(obj)
    .filter((k) => !KNOWN_KEYS.includes(k))
    .map((k) => `${DATASET_FILE}: unknown field "${k}" ignored (known: ${KNOWN_KEYS.join(', ')})`);
  return { path: file, settings, warnings };
}
