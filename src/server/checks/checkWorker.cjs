'use strict';
// Entry of a check worker thread (see CheckPool.ts). Plain CommonJS because a worker thread does
// not inherit the parent's TypeScript loader: it registers tsx itself, then loads the task module.
// Loading starts at once, so the first task finds the rules ready.
const ready = import('tsx/esm/api').then(({ register }) => {
  register();
  return import('./checkTask.ts');
});
ready.catch(() => undefined);

/** Runs one `CheckTask` (checkTask.ts) and resolves with its `CheckAnswer`; a dataset task (`CheckPool.runDatasetTask`) goes to its own module. */
module.exports = async function runInWorker(task) {
  if (task.kind === 'nuscenes-tables') {
    await ready;
    const { runNuscenesTableTask } = await import('../dataset/layouts/nuscenesTableTask.ts');
    return runNuscenesTableTask(task);
  }
  const { runCheckTask } = await ready;
  return runCheckTask(task);
};
