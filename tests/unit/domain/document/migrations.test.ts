import { describe, expect, it } from 'vitest';
import { ANNOTATION_SCHEMA_VERSION } from '../../../../src/domain/document/FrameAnnotation.ts';
import { MigrationError, migrateAnnotation } from '../../../../src/domain/document/migrations.ts';

describe('migrateAnnotation', () => {
  it('leaves a current document as it is, reading a missing version as 1', () => {
    expect(migrateAnnotation({ schemaVersion: ANNOTATION_SCHEMA_VERSION, a: 1 })).toEqual({ schemaVersion: 1, a: 1 });
    expect(migrateAnnotation({ a: 1 })).toEqual({ schemaVersion: 1, a: 1 });
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
    expect(() => migrateAnnotation({ schemaVersion: 2 })).toThrow(MigrationError);
    expect(() => migrateAnnotation({ schemaVersion: 0 })).toThrow(/positive integer/);
    expect(() => migrateAnnotation({ schemaVersion: '1' })).toThrow(/positive integer/);
    expect(() => migrateAnnotation({ schemaVersion: 1 }, {}, 2)).toThrow(/no migration from schemaVersion 1 to 2/);
  });
});
