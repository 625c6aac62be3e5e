import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SHARED_PCD, makeTempDir } from '../server/fixtures/makeDataset.ts';

const root = makeTempDir();
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('cuboid serve with a dictionary.json that does not read', () => {
  it('starts, and its first screen says the built-in rules are used and why, naming the file', async () => {
    const state = path.join(root, 'state');
    fs.mkdirSync(state, { recursive: true });
    fs.writeFileSync(path.join(state, 'dictionary.json'), '{ "version": 2, ');
    const child = spawn(process.execPath, ['src/cli/cuboid.js', 'serve', SHARED_PCD, '--state', state, '--port', '0'], {
      cwd: process.cwd(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        if (out.includes('Open http')) resolve();
      });
      child.on('exit', () => reject(new Error(`serve exited early: ${out}`)));
    });
    child.kill('SIGTERM');
    await new Promise((resolve) => child.on('exit', resolve));
    expect(out).toMatch(/warning {2}the team's rules do not read, so the built-in rules are used .*dictionary\.json/);
  });
});
