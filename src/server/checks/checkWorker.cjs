'use strict';
// Entry of a check worker thread (see CheckPool.ts). Plain CommonJS because a worker thread does
// not inherit the parent's TypeScript loader: it registers tsx itself, then loads the task module.
// Loading starts at once, so the first task finds the rules ready.

// Checks are background analysis: this thread runs at nice +5 (Linux; elsewhere nothing changes),
// so under load the event loop and the merge thread a user waits on get the cores first. The
// frame list's check sweep had doubled a first merge's time on a 2-core machine.
try {
  const tid = Number(require('node:fs').readlinkSync('/proc/thread-self').split('/').pop());
  if (tid > 0 && !require('node:worker_threads').isMainThread) require('node:os').setPriority(tid, 5);
} catch {
  // no /proc (not Linux) or not allowed: the thread keeps the process's priority
}
const ready = import('tsx/esm/api').then(({ register }) => {
  register();
  return import('./checkTask.ts');
});
ready.catch(() => undefined);

/** Runs one `CheckTask` (checkTask.ts) and resolves with its `CheckAnswer`; a dataset task (`CheckPool.runDatasetTask`) or an export's point file (`runExportFile`) goes to its own module. */
module.exports = async function runInWorker(task) {
  if (task.kind === 'nuscenes-tables') {
    await ready;
    const { runNuscenesTableTask } = await import('../dataset/layouts/nuscenesTableTask.ts');
    return runNuscenesTableTask(task);
  }
  if (task.kind === 'export-file') {
    await ready;
    const { runExportFileTask } = await import('../export/exportFileTask.ts');
    return runExportFileTask(task);
  }
  const { runCheckTask } = await ready;
  return runCheckTask(task);
};
