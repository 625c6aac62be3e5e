import type { RegisterCommand } from './commands.ts';
import { inspectFile } from './inspectFile.ts';
import type { InspectReport } from './inspectFile.ts';

const nf = new Intl.NumberFormat('en-US');

/** `cuboid inspect FILE [--json]`: header, fields, point and NaN counts, bounds of a PCD or KITTI .bin. */
export const registerInspect: RegisterCommand = (program, setExitCode) => {
  program
    .command('inspect')
    .description('describe a point file (.pcd or KITTI velodyne .bin): encoding, fields, points, NaN points, bounds')
    .argument('<file>', 'a .pcd or .bin file')
    .option('--json', 'print the report as JSON')
    .action(async (file: string, opts: { json?: boolean }) => {
      try {
        const report = await inspectFile(file);
        process.stdout.write(opts.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report));
      } catch (err) {
        process.stderr.write(`cuboid inspect: ${err instanceof Error ? err.message : String(err)}\n`);
        setExitCode(1);
      }
    });
};

function formatReport(r: InspectReport): string {
  const fmt = (v: number[]) => v.map((x) => x.toFixed(3)).join(', ');
  const lines = [
    `file       ${r.file} (${nf.format(r.bytes)} bytes)`,
    `format     ${r.format}${r.version ? ` v${r.version}` : ''}, ${r.encoding}`,
    `points     ${nf.format(r.points)}${r.organized ? ` (organized ${r.width} x ${r.height})` : ''}`,
    `NaN points ${nf.format(r.nanPoints)}`,
    `fields     ${r.fields.map((f) => `${f.name}:${f.type}${f.size}${f.count > 1 ? `x${f.count}` : ''}`).join(' ')}`,
    `bounds     ${r.bounds ? `min (${fmt(r.bounds.min)})  max (${fmt(r.bounds.max)})` : 'none (no finite points)'}`,
  ];
  if (r.viewpoint) lines.push(`viewpoint  ${r.viewpoint.join(' ')}`);
  for (const w of r.warnings) lines.push(`warning    ${w}`);
  return `${lines.join('\n')}\n`;
}
