import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { removeStaleTempLabels, writeLabelAtomic } from '../../../../src/server/labels/writeLabelAtomic.ts';
import { makeTempDir } from '../fixtures/makeDataset.ts';

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

  it('removes temporary files a killed writer left behind', async () => {
    const dir = temp();
    fs.writeFileSync(path.join(dir, '.000001.txt.1234.abcdef012345.tmp'), 'partial');
    fs.writeFileSync(path.join(dir, '000001.txt'), 'kept');
    expect(await removeStaleTempLabels(dir)).toBe(1);
    expect(fs.readdirSync(dir)).toEqual(['000001.txt']);
    expect(await removeStaleTempLabels(path.join(dir, 'missing'))).toBe(0);
  });
});
