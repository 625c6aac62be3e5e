import type { RegisterCommand } from './commands.ts';
import { inspectFile } from './inspectFile.ts';
import type { InspectReport } from './inspectFile.ts';
import { BIN_LAYOUT_HELP, parseBinLayoutOption } from './binLayoutOption.ts';
import { reportCommandError } from './exitCodes.ts';

const nf = new Intl.NumberFormat('en-US');

/**
 * `cuboid inspect FILE [--json] [--bin-layout L]`: header, fields, point and NaN counts, bounds of
 * a PCD, PLY, LAS, LAZ or raw `.bin`; for a `.bin`, the layout it was read with, the layouts its size fits and why.
 * Exit 1 for a file it cannot read as a point cloud, 2 for a missing file or a bad option.
 */
export const registerInspect: RegisterCommand = (program, setExitCode) => {
  program
    .command('inspect')
    .description(
      'describe a point file (.pcd, .ply, .las, .laz or raw .bin): encoding, fields, points, NaN points, bounds; the layout a .bin is read with and why',
    )
    .argument('<file>', 'a .pcd, .ply, .las, .laz or .bin file')
    .option('--json', 'print the report as JSON')
    .option('--bin-layout <layout>', BIN_LAYOUT_HELP)
    .action(async (file: string, opts: { json?: boolean; binLayout?: string }) => {
      try {
        const report = await inspectFile(file, { binLayout: parseBinLayoutOption(opts.binLayout) });
        process.stdout.write(opts.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report));
      } catch (err) {
        setExitCode(reportCommandError('inspect', err, opts.json === true));
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
    `bounds     ${r.bounds ? `min (${fmt(r.bounds.min)})  max (${fmt(r.bounds.max)})` : r.positionFields.length === 0 ? 'none (the file has no x, y or z field)' : 'none (no finite points)'}`,
  ];
  if (r.viewpoint) lines.push(`viewpoint  ${r.viewpoint.join(' ')}`);
  if (r.ply) {
    for (const e of r.ply.elements)
      lines.push(`element    ${e.name} ${nf.format(e.count)}${e.name === 'vertex' ? '' : ' (skipped)'}: ${e.properties.join(', ')}`);
  }
  if (r.las) {
    lines.push(`scale      ${r.las.scale.join(' ')}   offset ${r.las.offset.join(' ')}`);
    if (r.las.software || r.las.systemId) lines.push(`written by ${[r.las.software, r.las.systemId].filter(Boolean).join(' / ')}`);
    if (r.las.laszip)
      lines.push(
        `laszip     ${r.las.laszip.compressor}, ${r.las.laszip.chunkSize === 'variable' ? 'variable chunks' : `${nf.format(r.las.laszip.chunkSize)} points per chunk`}`,
      );
    for (const v of r.las.vlrs) lines.push(`vlr        ${v.userId} ${v.recordId} (${nf.format(v.bytes)} bytes)${v.description ? ` ${v.description}` : ''}`);
  }
  if (r.binLayout) {
    lines.push(`layout     ${r.binLayout.detail}`);
    if (r.binLayout.fits.length > 1) lines.push(`fits       ${r.binLayout.fits.join(', ')}`);
    if (r.binLayout.scores.length > 0) lines.push(`scores     ${r.binLayout.scores.map((s) => `${s.name} ${s.score.toFixed(2)}`).join(', ')}`);
  }
  for (const w of r.warnings) {
    if (w === r.binLayout?.warning)
      lines.push(`warning    ${r.binLayout.fits.join(', ')} fit the size; ${r.binLayout.name} picked by detection (pass --bin-layout to read it otherwise)`);
    else lines.push(`warning    ${w}`);
  }
  return `${lines.join('\n')}\n`;
}
