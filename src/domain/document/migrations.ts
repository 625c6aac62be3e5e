import { ANNOTATION_SCHEMA_VERSION } from './FrameAnnotation.ts';

/**
 * One step of the annotation document's schema history: takes a document of version `from` and
 * returns it at version `from + 1`. Steps are pure and never see typed arrays.
 */
export type AnnotationMigration = (doc: Record<string, unknown>) => Record<string, unknown>;

/**
 * Migrations keyed by the version they upgrade from. Version 1 is the base schema; version 2 adds
 * the "not an object" dismissals (an empty list for documents saved before). Adding version N
 * means bumping `ANNOTATION_SCHEMA_VERSION` and adding `N - 1: (doc) => ...`.
 */
export const ANNOTATION_MIGRATIONS: Readonly<Record<number, AnnotationMigration>> = {
  1: (doc) => ({ ...doc, dismissals: doc.dismissals ?? [] }),
};

/** Thrown when a document's `schemaVersion` cannot be brought to the current version. */
export class MigrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MigrationError';
  }
}

/**
 * Brings a parsed annotation document (plain JSON object) to `ANNOTATION_SCHEMA_VERSION`, applying
 * every step from its `schemaVersion` on. A missing `schemaVersion` is read as 1. The result still
 * needs `validateAnnotation`.
 *
 * @throws MigrationError for a version newer than this code, a non-integer version, or a missing step.
 */
export function migrateAnnotation(
  input: Record<string, unknown>,
  migrations: Readonly<Record<number, AnnotationMigration>> = ANNOTATION_MIGRATIONS,
  target: number = ANNOTATION_SCHEMA_VERSION,
): Record<string, unknown> {
  const raw = input.schemaVersion ?? 1;
  if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 1) {
    throw new MigrationError(`migrateAnnotation: schemaVersion ${JSON.stringify(raw)} is not a positive integer`);
  }
  if (raw > target) {
    throw new MigrationError(`migrateAnnotation: schemaVersion ${raw} is newer than this version of Cuboid understands (${target})`);
  }
  let doc: Record<string, unknown> = { ...input, schemaVersion: raw };
  for (let version = raw; version < target; version++) {
    const step = migrations[version];
    if (step === undefined) {
      throw new MigrationError(`migrateAnnotation: no migration from schemaVersion ${version} to ${version + 1}`);
    }
    doc = { ...step(doc), schemaVersion: version + 1 };
  }
  return doc;
}
