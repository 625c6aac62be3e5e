import type { FrameCheckSummary } from '../../domain/api/wireTypes.ts';
import { HttpError } from '../http/HttpError.ts';
import type { CheckSummaryStore, StoredCheckError, StoredCheckOutcome } from '../storage/CheckSummaryStore.ts';

/** How long a replica's claim on a frame's check lasts: above the pool's 60 s check limit, queue wait included. */
export const CHECK_CLAIM_MS = 90_000;

/** An error as stored beside the summaries (an `HttpError` keeps its status, code, detail and extras). */
export function storedError(err: unknown): StoredCheckError {
  if (err instanceof HttpError) return { status: err.status, error: err.error, detail: err.detail, extra: err.extra };
  return { message: err instanceof Error ? err.message : String(err) };
}

/** The error a stored outcome stands for, as the route answers it. */
export function errorFromStored(e: StoredCheckError): Error {
  return 'status' in e ? new HttpError(e.status, e.error, e.detail, e.extra) : new Error(e.message);
}

/**
 * True for an answer that says nothing about the frame, never stored: a full pool (`checks_busy`),
 * or a check job no `cuboid worker` took or finished in time (`job_no_worker`, `job_timeout`).
 */
export const isTransientCheckError = (err: unknown): boolean =>
  err instanceof HttpError && (err.error === 'checks_busy' || err.error === 'job_no_worker' || err.error === 'job_timeout');
const isBusy = isTransientCheckError;

/**
 * The summary of one (frame, revision, dictionary version), computed by one replica for all: the
 * first to claim it runs `compute` and stores the outcome (a failure too, except a full queue);
 * the others wait for it, polling, and take over if the claim lapses (its replica died). When the
 * database does not answer, the summary is computed here, as without a database.
 * @throws what `compute` threw, or the stored error of another replica's computation
 */
export async function computeOnce(
  store: CheckSummaryStore,
  key: { frameId: string; revision: number; dictionaryVersion: number },
  compute: () => Promise<FrameCheckSummary>,
  claimMs: number = CHECK_CLAIM_MS,
): Promise<FrameCheckSummary> {
  const { frameId, revision, dictionaryVersion } = key;
  for (;;) {
    const claim = await store.claim(frameId, revision, dictionaryVersion, claimMs).catch(() => null);
    if (claim === null) return compute();
    if (claim.state === 'done') return settle(claim.outcome);
    if (claim.state === 'busy') {
      await new Promise((resolve) => setTimeout(resolve, Math.min(250, Math.max(20, claim.until - Date.now()))));
      continue;
    }
    let outcome: StoredCheckOutcome;
    try {
      outcome = { summary: await compute() };
    } catch (err) {
      if (isBusy(err)) await store.release(frameId, revision, dictionaryVersion).catch(() => undefined);
      else await store.store(frameId, revision, dictionaryVersion, { error: storedError(err) }).catch(() => undefined);
      throw err;
    }
    await store.store(frameId, revision, dictionaryVersion, outcome).catch(() => undefined);
    return settle(outcome);
  }
}

function settle(outcome: StoredCheckOutcome): FrameCheckSummary {
  if ('summary' in outcome) return outcome.summary;
  throw errorFromStored(outcome.error);
}
