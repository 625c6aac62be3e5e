import { describe, expect, it } from 'vitest';
import { ANNOTATION_SCHEMA_VERSION } from '../../../../src/domain/document/FrameAnnotation.ts';
import { MigrationError, migrateAnnotation } from '../../../../src/domain/document/migrations.ts';

describe('migrateAnnotation', () => {
  it('leaves a current document as it is, reading a missing version as 1', () => {
    expect(ANNOTATION_SCHEMA_VERSION).toBe(2);
    expect(migrateAnnotation({ schemaVersion: ANNOTATION_SCHEMA_VERSION, a: 1, dismissals: [] })).toEqual({ schemaVersion: 2, a: 1, dismissals: [] });
    expect(migrateAnnotation({ a: 1 }, {}, 1)).toEqual({ schemaVersion: 1, a: 1 });
  });

  it('gives a version-1 document (saved before dismissals existed) an empty list of dismissals', () => {
    const old = { schemaVersion: 1, frameId: '000001', revision: 3, cuboids: [], dontCare: [], flags: [], status: 'in_progress' };
    expect(migrateAnnotation(old)).toEqual({ ...old, schemaVersion: 2, dismissals: [] });
    // A missing version is read as 1 and migrated the same way.
    expect(migrateAnnotation({ frameId: 'x' })).toEqual({ frameId: 'x', schemaVersion: 2, dismissals: [] });
  });

  it('applies each step in order up to the target version', () => {
    const steps = {
      1: (d: Record<string, unknown>) => ({ ...d, trail: [...(d.trail as number[]), 1] }),
      2: (d: Record<string, unknown>) => ({ ...d, trail: [...(d.trail as number[]), 2] }),
    };
    expect(migrateAnnotation({ schemaVersion: 1, trail: [] }, steps, 3)).toEqual({ schemaVersion: 3, trail: [1, 2] });
    expect(migrateAnnotation({ schemaVersion: 2, trail: [] }, steps, 3)).toEqual({ schemaVersion: 3, trail: [2] });
  });

  it('refuses newer, malformed or unreachable versions', () => {
    expect(() => migrateAnnotation({ schemaVersion: 3 })).toThrow(MigrationError);
    expect(() => migrateAnnotation({ schemaVersion: 0 })).toThrow(/positive integer/);
    expect(() => migrateAnnotation({ schemaVersion: '1' })).toThrow(/positive integer/);
    expect(() => migrateAnnotation({ schemaVersion: 1 }, {}, 2)).toThrow(/no migration from schemaVersion 1 to 2/);
  });
});
