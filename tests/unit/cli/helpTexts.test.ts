/** The commands' `--help` names every dataset kind and point format they read, and every label format. */
import { describe, expect, it } from 'vitest';
import { runCli } from './runCli.ts';

/** A command's help with its line wrapping undone. */
async function help(command: string): Promise<string> {
  const r = await runCli([command, '--help']);
  expect(r.code).toBe(0);
  return r.out.replace(/\s+/g, ' ');
}

const KINDS = 'a KITTI object or tracking layout, a nuScenes layout, or a flat folder of .pcd, .ply, .las, .laz or .bin files';

describe('--help texts', () => {
  it.each(['serve', 'check', 'export'])('%s names every dataset layout and point format', async (command) => {
    const text = await help(command);
    expect(text).toContain(KINDS);
    expect(text).not.toMatch(/folder of \.pcd files|KITTI layout or/);
  });

  it('export says the KITTI tree is the default of several formats, and --bin converts every point format', async () => {
    const text = await help('export');
    expect(text).toContain('a KITTI tree (training/, ImageSets/{train,val}.txt) by default, or another --format');
    expect(text).toContain('convert .pcd, .ply, .las and .laz point clouds to KITTI .bin');
  });

  it('import says it reads other label formats than KITTI', async () => {
    const text = await help('import');
    expect(text).toContain('KITTI label_2 files by default (e.g. model predictions with a score column), or another --format');
    expect(text).not.toContain('import KITTI label files');
  });
});
