import fs from 'node:fs/promises';
import path from 'node:path';
import { defaultDictionary } from '../../domain/checks/dictionary/defaultDictionary.ts';
import type { EdgeCaseDictionary } from '../../domain/checks/dictionary/EdgeCaseDictionary.ts';
import { parseDictionary } from '../../domain/checks/dictionary/parseDictionary.ts';

/** Thrown by `save` when the dictionary changed since the version the edit was based on. */
export class DictionaryConflictError extends Error {
  readonly current: EdgeCaseDictionary;
  constructor(baseVersion: number, current: EdgeCaseDictionary) {
    super(`DictionaryStore: the edit is based on version ${baseVersion} but the dictionary is at version ${current.version}`);
    this.name = 'DictionaryConflictError';
    this.current = current;
  }
}

export interface LoadedDictionary {
  dictionary: EdgeCaseDictionary;
  /**
   * `file` when `dictionary.json` exists in the state folder, `database` when it is stored in
   * PostgreSQL, else `default` (the built-in KITTI one).
   */
  source: 'file' | 'database' | 'default';
  /**
   * Why the stored dictionary is not in force (the file and the JSON path or line that does not
   * read): the built-in one is used meanwhile, so frames open and checks run; a lead's save from
   * the app replaces the broken file (kept beside it as `dictionary.json.broken-TIME`).
   */
  problem?: string;
}

/** Where the served dataset's edge-case dictionary lives: the state folder, or the database. */
export interface DictionaryStorage {
  /** @throws DictionaryError when the stored dictionary is not valid */
  load(): Promise<LoadedDictionary>;
  /**
   * Stores `input` (a dictionary as JSON) as the version after `baseVersion`.
   * @throws DictionaryError for an invalid dictionary, DictionaryConflictError for a stale base
   */
  save(input: unknown, baseVersion: number): Promise<EdgeCaseDictionary>;
}

/**
 * The dataset's edge-case dictionary, `STATE/dictionary.json` (by default `DATA/.cuboid/`, where
 * `cuboid check` looks too), or the built-in default when the file does not exist. Reads are
 * cached by modification time; saves are serialised, validated with `parseDictionary`, checked
 * against the version they edit and written atomically (temp file + rename) as version + 1.
 */
export class DictionaryStore implements DictionaryStorage {
  readonly file: string;
  private cache: { key: string; value: LoadedDictionary } | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(stateDir: string) {
    this.file = path.join(stateDir, 'dictionary.json');
  }

  /**
   * The dictionary in force. A file that does not read (bad JSON, an invalid field, a folder) is
   * not in force: the built-in one is, with `problem` saying why (never a failed request).
   */
  async load(): Promise<LoadedDictionary> {
    const st = await fs.stat(this.file).catch(() => null);
    if (st === null) return { dictionary: defaultDictionary, source: 'default' };
    const key = `${st.mtimeMs}:${st.size}`;
    if (this.cache?.key === key) return this.cache.value;
    let value: LoadedDictionary;
    try {
      const text = await fs.readFile(this.file, 'utf8');
      value = { dictionary: parseDictionary(text, this.file), source: 'file' };
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      value = { dictionary: defaultDictionary, source: 'default', problem: why.includes(this.file) ? why : `${this.file}: ${why}` };
    }
    this.cache = { key, value };
    return value;
  }

  /**
   * Stores `input` (a dictionary as JSON) as the version after `baseVersion`.
   * @throws DictionaryError for an invalid dictionary, DictionaryConflictError for a stale base
   */
  save(input: unknown, baseVersion: number): Promise<EdgeCaseDictionary> {
    const run = this.queue.then(async () => {
      const loaded = await this.load();
      const current = loaded.dictionary;
      if (current.version !== baseVersion) throw new DictionaryConflictError(baseVersion, current);
      const next = parseDictionary({ ...(typeof input === 'object' && input !== null ? input : {}), version: current.version + 1 }, 'dictionary.json');
      // A file that did not read is kept beside the new one, not overwritten: someone may want its text.
      if (loaded.problem !== undefined) await fs.rename(this.file, `${this.file}.broken-${Date.now()}`).catch(() => undefined);
      const tmp = `${this.file}.${process.pid}.${Date.now()}.tmp`;
      await fs.writeFile(tmp, `${JSON.stringify(next, null, 2)}\n`);
      await fs.rename(tmp, this.file);
      this.cache = null;
      return next;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }
}
