import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXIT_DATA, EXIT_USAGE, UsageError, exitCodeFor } from '../../../src/cli/exitCodes.ts';
import { makeTempDir } from '../server/fixtures/makeDataset.ts';
import { runCli } from './runCli.ts';

const root = makeTempDir('cuboid-exit-');
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('the exit-code scheme', () => {
  it('maps usage and I/O errors to 2 and data errors to 1', () => {
    expect(exitCodeFor(new UsageError('--split'))).toBe(EXIT_USAGE);
    expect(exitCodeFor(Object.assign(new Error('ENOENT: no such file'), { code: 'ENOENT', syscall: 'open' }))).toBe(EXIT_USAGE);
    expect(exitCodeFor(Object.assign(new Error('x'), { name: 'WorkspaceError' }))).toBe(EXIT_USAGE);
    expect(exitCodeFor(Object.assign(new Error('x'), { name: 'PcdError' }))).toBe(EXIT_DATA);
  });

  it('check: a missing dataset is exit 2, in JSON on stdout under --json', async () => {
    const text = await runCli(['check', path.join(root, 'missing')]);
    expect(text.code).toBe(2);
    expect(text.err).toMatch(/^cuboid check: /);
    const json = await runCli(['check', path.join(root, 'missing'), '--json']);
    expect(json).toMatchObject({ code: 2, err: '' });
    expect(JSON.parse(json.out)).toEqual({ error: { command: 'check', message: expect.stringContaining('missing'), exitCode: 2 } });
  });
});
