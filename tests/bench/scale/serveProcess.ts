import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../../../src/cli/cuboid.js', import.meta.url));

/**
 * `CUBOID_SCALE_PROFILE_DIR=DIR`: every replica runs with `--cpu-prof` and writes its V8 CPU
 * profile into DIR when it stops (SIGTERM; a replica killed with `kill -9` writes none). Open the
 * `.cpuprofile` files in Chrome DevTools, or summarise them with `tests/bench/scale/profileTop.ts`.
 */
function profileArgs(): string[] {
  const dir = process.env.CUBOID_SCALE_PROFILE_DIR;
  return dir === undefined || dir === '' ? [] : ['--cpu-prof', `--cpu-prof-dir=${dir}`];
}

/** One `cuboid serve` child process on a loopback port. */
export interface ServeProcess {
  /** `http://127.0.0.1:PORT`. */
  url: string;
  pid: number;
  /** Its stderr (server warnings), kept in a file for a post-mortem. */
  logFile: string;
  /** `kill -9`: no shutdown, no flush, connections cut. */
  killHard(): Promise<void>;
  /** SIGTERM and wait for the exit. */
  stop(): Promise<void>;
}

/**
 * Starts `node src/cli/cuboid.js serve ARGS --port 0` (a free port) and waits for its
 * `Open http://…` line. The environment (AWS_*, CUBOID_S3_*) is inherited. `logFile` gets stderr.
 * @throws Error with the process's output when it exits before listening (180 s at most: a loaded machine)
 */
export async function startServe(args: string[], logFile: string): Promise<ServeProcess> {
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const log = fs.openSync(logFile, 'a');
  const child: ChildProcess = spawn(process.execPath, [...profileArgs(), CLI, 'serve', ...args, '--port', '0'], { stdio: ['ignore', 'pipe', log] });
  fs.closeSync(log);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`cuboid serve ${args.join(' ')}: not listening after 180 s: ${out}`)), 180_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const m = /Open (http:\/\/\S+)/.exec(out);
      if (m !== null) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      const err = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').trim().split('\n').slice(-5).join('\n') : '';
      reject(new Error(`cuboid serve ${args.join(' ')} exited (${code ?? signal}) before listening:\n${out}${err}`));
    });
  });
  child.stdout?.resume();
  const pid = child.pid as number;
  return {
    url,
    pid,
    logFile,
    async killHard() {
      if (child.exitCode === null && child.signalCode === null) process.kill(pid, 'SIGKILL');
      await exited;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
