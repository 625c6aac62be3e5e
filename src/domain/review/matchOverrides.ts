import type { CheckResult } from '../checks/CheckResult.ts';

/** An annotator's reason for submitting despite a check error on a box (or a box-less result: `cuboidId` null). */
export interface SubmitOverride {
  ruleId: string;
  cuboidId: string | null;
  reason: string;
}

/** An overridden error as the activity log records it: the error and the reason given. */
export interface RecordedOverride extends SubmitOverride {
  message: string;
  otherCuboidId?: string;
}

export interface OverrideMatch {
  /** Every error with the override that covers it. */
  overridden: RecordedOverride[];
  /** Errors no override covers: the submit must be refused. */
  missing: CheckResult[];
}

/**
 * Pairs the error-severity results of a submit's checks with the annotator's overrides. An
 * override covers every error of its rule on its box (`cuboidId` null: the rule's box-less
 * results); its reason must hold non-blank text. Warnings and info need no override.
 */
export function matchOverrides(results: readonly CheckResult[], overrides: readonly SubmitOverride[]): OverrideMatch {
  const overridden: RecordedOverride[] = [];
  const missing: CheckResult[] = [];
  for (const r of results) {
    if (r.severity !== 'error') continue;
    const o = overrides.find((x) => x.ruleId === r.ruleId && x.cuboidId === r.cuboidId && x.reason.trim() !== '');
    if (o === undefined) missing.push(r);
    else {
      overridden.push({
        ruleId: r.ruleId,
        cuboidId: r.cuboidId,
        reason: o.reason.trim(),
        message: r.message,
        ...(r.otherCuboidId !== undefined ? { otherCuboidId: r.otherCuboidId } : {}),
      });
    }
  }
  return { overridden, missing };
}
