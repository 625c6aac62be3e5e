import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { processAlive, removeStaleTempLabels, writeLabelAtomic } from '../../../../src/server/labels/writeLabelAtomic.ts';
import { openWorkspace } from '../../../../src/server/openWorkspace.ts';
import { makeKittiDataset, makeTempDir } from '../fixtures/makeDataset.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) {
    fs.chmodSync(d, 0o755);
    fs.rmSync(d, { recursive: true, force: true });
  }
});

function temp(): string {
  const d = makeTempDir();
  dirs.push(d);
  return d;
}

describe('writeLabelAtomic', () => {
  it('creates the folder and writes the text', async () => {
    const file = path.join(temp(), 'label_2', '000001.txt');
    await writeLabelAtomic(file, 'Car 0.00 0 ...\n');
    expect(fs.readFileSync(file, 'utf8')).toBe('Car 0.00 0 ...\n');
  });

  it('replaces an existing file and leaves no temporary file', async () => {
    const dir = temp();
    const file = path.join(dir, 'a.txt');
    fs.writeFileSync(file, 'old');
    await writeLabelAtomic(file, 'new');
    expect(fs.readFileSync(file, 'utf8')).toBe('new');
    expect(fs.readdirSync(dir)).toEqual(['a.txt']);
  });

  it('concurrent writers leave one complete version, never a mix', async () => {
    const dir = temp();
    const file = path.join(dir, 'a.txt');
    const texts = Array.from({ length: 20 }, (_, i) => `${String(i).repeat(5000)}\n`);
    await Promise.all(texts.map((t) => writeLabelAtomic(file, t)));
    expect(texts).toContain(fs.readFileSync(file, 'utf8'));
    expect(fs.readdirSync(dir)).toEqual(['a.txt']);
  });

  it('fails without touching the old file when the target cannot be replaced', async () => {
    const dir = temp();
    const file = path.join(dir, 'a.txt');
    fs.mkdirSync(file); // a folder where the file should be: rename fails
    await expect(writeLabelAtomic(file, 'x')).rejects.toThrow();
    expect(fs.statSync(file).isDirectory()).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(['a.txt']);
  });

  it('removes temporary files a killed writer left behind, and only those', async () => {
    const dir = temp();
    // A process that has exited: its id names no live process now.
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const deadPid = Number(dead.stdout);
    expect(processAlive(deadPid)).toBe(false);
    const live = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    try {
      fs.writeFileSync(path.join(dir, `.000001.txt.${deadPid}.abcdef012345.tmp`), 'partial');
      fs.writeFileSync(path.join(dir, `.000002.txt.${live.pid}.abcdef012345.tmp`), 'being written');
      const old = path.join(dir, `.000003.txt.${live.pid}.0123456789ab.tmp`);
      fs.writeFileSync(old, 'a live id, but two hours old: the id was reused');
      const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000);
      fs.utimesSync(old, twoHoursAgo, twoHoursAgo);
      const mine = path.join(dir, `.000004.txt.${process.pid}.0123456789ab.tmp`);
      fs.writeFileSync(mine, 'this id before this process started (a restarted container)');
      const beforeStart = new Date(Date.now() - process.uptime() * 1000 - 60_000);
      fs.utimesSync(mine, beforeStart, beforeStart);
      fs.writeFileSync(path.join(dir, `.000005.txt.${process.pid}.0123456789ab.tmp`), 'this process, now');
      fs.writeFileSync(path.join(dir, '000001.txt'), 'kept');
      expect(await removeStaleTempLabels(dir)).toBe(3);
      expect(fs.readdirSync(dir).sort()).toEqual([`.000002.txt.${live.pid}.abcdef012345.tmp`, `.000005.txt.${process.pid}.0123456789ab.tmp`, '000001.txt']);
      expect(await removeStaleTempLabels(path.join(dir, 'missing'))).toBe(0);
    } finally {
      live.kill();
    }
  });

  it('a server started after a crash cleans label_2 at once (no minimum age)', async () => {
    const dataDir = makeKittiDataset(temp(), { ids: ['000001'] });
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const leftover = path.join(dataDir, 'label_2', `.000001.txt.${Number(dead.stdout)}.abcdef012345.tmp`);
    fs.writeFileSync(leftover, 'Car 0 0');
    const ws = await openWorkspace({ dataDir, stateDir: path.join(temp(), 'state') });
    await ws.close();
    const wsInData = await openWorkspace({ dataDir });
    await wsInData.close();
    expect(fs.existsSync(leftover)).toBe(false);
  });
});
