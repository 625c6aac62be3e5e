/**
 * The dataset's store (a bucket, a network share) cannot be reached or refuses us as a whole: the
 * bucket is gone, the credentials are refused, the endpoint does not answer. Not a problem of one
 * file (that is `DatasetFileError`, 422): the request is answered 503 `dataset_unavailable` with
 * `detail` naming the store and the cause, and nothing stored in the database is lost.
 */
export class DatasetUnavailableError extends Error {
  /** The store, as the user gave it (`s3://bucket/prefix`). */
  readonly store: string;
  /** The cause in words (`NoSuchBucket: The specified bucket does not exist`). */
  readonly cause_: string;

  constructor(store: string, cause: string) {
    super(`the dataset store ${store} cannot be read: ${cause}`);
    this.name = 'DatasetUnavailableError';
    this.store = store;
    this.cause_ = cause;
  }
}

/**
 * A `DatasetUnavailableError`, also one that crossed a worker thread as a plain error or was
 * wrapped in another error's message (a check that failed in its worker).
 */
export function isDatasetUnavailable(err: unknown): boolean {
  if (err instanceof DatasetUnavailableError) return true;
  return err instanceof Error && (err.name === 'DatasetUnavailableError' || /the dataset store \S+ cannot be read: /.test(err.message));
}
