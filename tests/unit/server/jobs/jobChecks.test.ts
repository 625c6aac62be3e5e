import { describe, expect, it } from 'vitest';
import type { CheckPool } from '../../../../src/server/checks/CheckPool.ts';
import type { CheckAnswer, CheckRequest } from '../../../../src/server/checks/checkTask.ts';
import { checkRunners, SUBMIT_JOB_MIN_BYTES } from '../../../../src/server/jobs/jobChecks.ts';
import type { JobRunner } from '../../../../src/server/jobs/JobRunner.ts';

const ANSWER: CheckAnswer = {
  ok: true,
  results: [],
  counts: { error: 0, warning: 0, info: 0 },
  points: 1,
  boxes: 0,
  labelSource: 'database',
  cameraOnly: false,
};

/** A runner and a pool that record where each check went. */
function fakes(mode: JobRunner['mode']) {
  const went: string[] = [];
  const runner: JobRunner = {
    mode,
    enqueue: async (kind) => {
      went.push(`job:${kind}`);
      return '00000000-0000-4000-8000-000000000000';
    },
    status: async () => null,
    result: async () => ANSWER as never,
    openFile: async () => null,
    close: async () => undefined,
  };
  const pool = {
    limits: { timeMs: 60_000, maxPoints: 1, maxBoxes: 1 },
    run: async () => {
      went.push('pool');
      return ANSWER;
    },
  } as unknown as CheckPool;
  return { went, runs: checkRunners(runner, pool) };
}

const request = (bytes: number): CheckRequest =>
  ({
    kind: 'submit',
    frame: { id: 'f', points: { path: '/x.bin', format: 'bin', bytes, binLayout: null } },
    doc: {},
    dictionary: {},
  }) as unknown as CheckRequest;

describe('where checks run', () => {
  it('with the queue: every navigator summary is a job; a submit gate only for a big point file', async () => {
    const { went, runs } = fakes('queue');
    await runs.summaries.run(request(1000));
    await runs.submit.run(request(1000));
    await runs.submit.run(request(SUBMIT_JOB_MIN_BYTES));
    expect(went).toEqual(['job:check', 'pool', 'job:check']);
  });

  it('in-process: both through the runner (whose jobs use the same pool)', async () => {
    const { went, runs } = fakes('in-process');
    await runs.summaries.run(request(1000));
    await runs.submit.run(request(SUBMIT_JOB_MIN_BYTES));
    expect(went).toEqual(['job:check', 'job:check']);
  });
});
