'use strict';
// Entry of a merge worker thread (see MergePool.ts). Plain CommonJS because a worker thread does
// not inherit the parent's TypeScript loader: it registers tsx itself, then loads the task module.
const ready = import('tsx/esm/api').then(({ register }) => {
  register();
  return import('./mergeTask.ts');
});
ready.catch(() => undefined);

/** Runs one `MergeTask` (mergeTask.ts) and resolves with its `MergedDone`. */
module.exports = async function runInWorker(task) {
  const { runMergeTask } = await ready;
  return runMergeTask(task);
};
