import { nuscenesError, type NuscenesError } from './NuscenesError.ts';
import { jsonSyntaxError } from '../formats/jsonSyntaxError.ts';
import type { NuscenesTables, NuTableName } from './NuscenesTables.ts';
import { OPTIONAL_TABLES, REQUIRED_TABLES } from './NuscenesTables.ts';

type FieldKind = 'token' | 'tokenOrEmpty' | 'string' | 'number' | 'boolean' | 'vec3' | 'quaternion' | 'size' | 'tokens' | 'countOrNull';

/** The fields read from each table and what each must be. Other fields are ignored. */
const SCHEMA: Record<NuTableName, Record<string, FieldKind>> = {
  sample: { token: 'token', timestamp: 'number', scene_token: 'token', prev: 'tokenOrEmpty', next: 'tokenOrEmpty' },
  sample_data: {
    token: 'token',
    sample_token: 'token',
    ego_pose_token: 'token',
    calibrated_sensor_token: 'token',
    filename: 'string',
    timestamp: 'number',
    is_key_frame: 'boolean',
  },
  ego_pose: { token: 'token', translation: 'vec3', rotation: 'quaternion', timestamp: 'number' },
  calibrated_sensor: { token: 'token', sensor_token: 'token', translation: 'vec3', rotation: 'quaternion' },
  sample_annotation: {
    token: 'token',
    sample_token: 'token',
    instance_token: 'token',
    visibility_token: 'tokenOrEmpty',
    attribute_tokens: 'tokens',
    translation: 'vec3',
    size: 'size',
    rotation: 'quaternion',
    num_lidar_pts: 'countOrNull',
  },
  instance: { token: 'token', category_token: 'token' },
  category: { token: 'token', name: 'string' },
  scene: { token: 'token', name: 'string' },
  attribute: { token: 'token', name: 'string' },
};

/** Fields that may be absent from a row (older or trimmed exports), with the value used instead. */
const DEFAULTS: Partial<Record<string, unknown>> = {
  visibility_token: '',
  attribute_tokens: [],
  num_lidar_pts: null,
  prev: '',
  next: '',
  is_key_frame: true,
};

/** The tables, and the rows left out of them (each problem names its file, row and field). */
export interface ParsedNuscenesTables {
  tables: NuscenesTables;
  problems: NuscenesError[];
}

/**
 * Parses the nuScenes v1.0 JSON tables (`texts[name]` is the text of `NAME.json`; `scene` may be
 * missing) and checks every reference between them: a sample_data's sample, ego pose and
 * calibrated sensor; an annotation's sample and instance; an instance's category; a sample's
 * scene when `scene.json` is given.
 *
 * A row with a missing or mistyped field, a repeated token, a zero-length quaternion, a size not
 * above 0 or a token that refers to a row no table holds is left out and reported in `problems`
 * (so the rest of the dataset still opens); rows referring to a left-out row go too.
 *
 * @throws NuscenesError naming the file for a required table that is missing, text that is not
 *   JSON, or a table that is not an array.
 */
export function parseNuscenesTables(texts: Partial<Record<NuTableName, string>>): ParsedNuscenesTables {
  const tables = {} as Record<NuTableName, Map<string, Record<string, unknown>>>;
  const problems: NuscenesError[] = [];
  for (const name of [...REQUIRED_TABLES, ...OPTIONAL_TABLES]) {
    const text = texts[name];
    if (text === undefined) {
      if ((REQUIRED_TABLES as readonly string[]).includes(name))
        throw nuscenesError(
          `${name}.json`,
          {},
          'the table is missing (nuScenes v1.0 needs sample, sample_data, ego_pose, calibrated_sensor, sample_annotation, instance and category)',
        );
      tables[name] = new Map();
      continue;
    }
    tables[name] = readTable(name, text, problems);
  }
  const t = tables as unknown as NuscenesTables;
  checkRefs(t, problems);
  return { tables: t, problems };
}

function readTable(name: NuTableName, text: string, problems: NuscenesError[]): Map<string, Record<string, unknown>> {
  const file = `${name}.json`;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw nuscenesError(file, {}, `not valid JSON: ${jsonSyntaxError(text, err)}`);
  }
  if (!Array.isArray(json)) throw nuscenesError(file, {}, 'expected a JSON array of rows');
  const fields = Object.entries(SCHEMA[name]);
  const out = new Map<string, Record<string, unknown>>();
  json.forEach((row: unknown, index) => {
    if (typeof row !== 'object' || row === null || Array.isArray(row)) {
      problems.push(nuscenesError(file, { row: index }, 'expected an object; row left out'));
      return;
    }
    const r = row as Record<string, unknown>;
    const token = typeof r.token === 'string' ? r.token : undefined;
    const where = (field: string) => ({ row: index, token, field });
    // The parsed row is kept as it is (it was just made by JSON.parse), with defaults filled in and its index.
    const clean = r;
    for (const [field, kind] of fields) {
      let value = r[field];
      if (value === undefined && Object.hasOwn(DEFAULTS, field)) value = r[field] = Array.isArray(DEFAULTS[field]) ? [] : DEFAULTS[field];
      const problem = value === undefined ? 'missing' : checkField(kind, value);
      if (problem !== null) {
        problems.push(nuscenesError(file, where(field), `${problem}; row left out`));
        return;
      }
    }
    clean._row = index;
    const key = clean.token as string;
    if (out.has(key)) {
      problems.push(nuscenesError(file, where('token'), 'the token appears twice in the table; the later row left out'));
      return;
    }
    out.set(key, clean);
  });
  return out;
}

function checkField(kind: FieldKind, v: unknown): string | null {
  const finite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
  switch (kind) {
    case 'token':
      return typeof v === 'string' && v.length > 0 ? null : `expected a non-empty token string, got ${show(v)}`;
    case 'tokenOrEmpty':
    case 'string':
      return typeof v === 'string' ? null : `expected a string, got ${show(v)}`;
    case 'number':
      return finite(v) ? null : `expected a finite number, got ${show(v)}`;
    case 'boolean':
      return typeof v === 'boolean' ? null : `expected true or false, got ${show(v)}`;
    case 'vec3':
      return Array.isArray(v) && v.length === 3 && v.every(finite) ? null : `expected [x, y, z] in metres, got ${show(v)}`;
    case 'size':
      return Array.isArray(v) && v.length === 3 && v.every((x) => finite(x) && x > 0)
        ? null
        : `expected [width, length, height] in metres, each above 0, got ${show(v)}`;
    case 'quaternion':
      if (!(Array.isArray(v) && v.length === 4 && v.every(finite))) return `expected a quaternion [w, x, y, z], got ${show(v)}`;
      return v[0] * v[0] + v[1] * v[1] + v[2] * v[2] + v[3] * v[3] > 1e-18 ? null : 'the quaternion has zero length';
    case 'tokens':
      return Array.isArray(v) && v.every((x) => typeof x === 'string') ? null : `expected a list of token strings, got ${show(v)}`;
    case 'countOrNull':
      return v === null || (finite(v) && v >= 0) ? null : `expected a count of 0 or more, got ${show(v)}`;
  }
}

function show(v: unknown): string {
  const s = JSON.stringify(v);
  return s === undefined ? String(v) : s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

/** Leaves out each row whose reference leads nowhere, in dependency order (a row left out takes its dependants with it). */
function checkRefs(t: NuscenesTables, problems: NuscenesError[]): void {
  const ref = (file: string, rows: Map<string, object>, field: string, target: Map<string, unknown>, targetName: string) => {
    for (const [token, row] of rows) {
      const r = row as Record<string, unknown>;
      const value = r[field] as string;
      if (value !== '' && !target.has(value)) {
        problems.push(nuscenesError(file, { row: r._row as number, token, field }, `no ${targetName} has token "${value}"; row left out`));
        rows.delete(token);
      }
    }
  };
  if (t.scene.size > 0) ref('sample.json', t.sample, 'scene_token', t.scene, 'scene');
  ref('instance.json', t.instance, 'category_token', t.category, 'category');
  ref('sample_data.json', t.sample_data, 'sample_token', t.sample, 'sample');
  ref('sample_data.json', t.sample_data, 'ego_pose_token', t.ego_pose, 'ego_pose');
  ref('sample_data.json', t.sample_data, 'calibrated_sensor_token', t.calibrated_sensor, 'calibrated_sensor');
  ref('sample_annotation.json', t.sample_annotation, 'sample_token', t.sample, 'sample');
  ref('sample_annotation.json', t.sample_annotation, 'instance_token', t.instance, 'instance');
  // An attribute token no attribute row holds is named, and only that token is dropped (the box stays).
  if (t.attribute.size > 0)
    for (const [token, a] of t.sample_annotation) {
      const missing = a.attribute_tokens.filter((x) => !t.attribute.has(x));
      if (missing.length === 0) continue;
      const row = (a as unknown as { _row: number })._row;
      problems.push(
        nuscenesError('sample_annotation.json', { row, token, field: 'attribute_tokens' }, `no attribute has token "${missing[0]}"; the token is ignored`),
      );
      a.attribute_tokens = a.attribute_tokens.filter((x) => t.attribute.has(x));
    }
}
