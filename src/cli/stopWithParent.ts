/** How often (ms) a server started by an npm script looks whether its parent is still there. */
const PARENT_POLL_MS = 1000;

/**
 * Calls `stop` once the process that started this one has gone, when it was started by an npm
 * script (`npm start`): npm passes a SIGTERM to the shell that runs the script, and the shell
 * dies without passing it on, which left the server serving with nobody to stop it. A server run
 * directly (`node … serve`, `nohup`) is left alone: losing its shell is no reason to stop.
 * Returns a function that stops the watch.
 */
export function stopWithParent(stop: () => void, opts: { env?: NodeJS.ProcessEnv; ppid?: () => number; intervalMs?: number } = {}): () => void {
  const env = opts.env ?? process.env;
  if (env.npm_lifecycle_event === undefined) return () => undefined;
  const ppid = opts.ppid ?? (() => process.ppid);
  const first = ppid();
  const timer = setInterval(() => {
    if (ppid() === first) return;
    clearInterval(timer);
    stop();
  }, opts.intervalMs ?? PARENT_POLL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
