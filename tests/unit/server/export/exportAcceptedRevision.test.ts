import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatExportSummary } from '../../../../src/cli/exportCommand.ts';
import { DirectorySink } from '../../../../src/server/export/ExportSink.ts';
import { exportDataset } from '../../../../src/server/export/exportDataset.ts';
import { exportLabelFormat } from '../../../../src/server/export/formats/exportLabelFormat.ts';
import { ReadOnlyExportSource } from '../../../../src/server/export/ReadOnlyExportSource.ts';
import type { Workspace } from '../../../../src/server/openWorkspace.ts';
import { makeKittiDataset, sampleCuboid, sampleDoc } from '../fixtures/makeDataset.ts';
import { tempWorkspaces } from '../fixtures/tempWorkspaces.ts';

const { temp, workspace } = tempWorkspaces();

/** Frame a: saved, accepted at revision 2, then changed by a lead (revision 3, still accepted). Frame b: accepted, unchanged. */
async function acceptedThenEdited(): Promise<{ ws: Workspace; data: string; state: string }> {
  const data = makeKittiDataset(path.join(temp(), 'data'), { ids: ['a', 'b'] });
  const state = path.join(temp(), 'state');
  const ws = await workspace(data, state);
  for (const id of ['a', 'b']) {
    const frame = ws.dataset.get(id)!;
    await ws.service.saveAnnotation(frame, sampleDoc(id), 0, 'ann');
    await ws.service.saveAnnotation(frame, { ...sampleDoc(id), status: 'accepted' }, 1, 'rev', { source: 'review', action: 'accept' });
  }
  const moved = sampleDoc('a', [sampleCuboid('a', { label: 'Van', size: [5.1, 2, 2.2] })]);
  const edit = await ws.service.saveAnnotation(ws.dataset.get('a')!, { ...moved, status: 'accepted' }, 2, 'lead');
  expect(edit.ok && edit.doc.revision).toBe(3);
  return { ws, data, state };
}

describe('export --status accepted', () => {
  it('writes the revision a reviewer accepted, not a lead’s later change, and says so', async () => {
    const { ws } = await acceptedThenEdited();
    const out = temp();
    const summary = await exportDataset(ws.service, new DirectorySink(out), { statuses: ['accepted'] });
    expect(summary.frames).toBe(2);
    expect(summary.acceptedInstead).toEqual([{ frameId: 'a', revision: 2, current: 3 }]);
    expect(fs.readFileSync(path.join(out, 'training', 'label_2', 'a.txt'), 'utf8')).toMatch(/^Car /);
    expect(formatExportSummary(summary, out)).toContain('1 accepted frame was changed after the accept: wrote the accepted revision of a (revision 2, not 3)');
    const manifest = JSON.parse(fs.readFileSync(path.join(out, 'cuboid_export.json'), 'utf8'));
    expect(manifest.acceptedInstead).toEqual([{ frameId: 'a', revision: 2, current: 3 }]);
    // Without a status filter the export is of the current revisions.
    const all = temp();
    const every = await exportDataset(ws.service, new DirectorySink(all));
    expect(every.acceptedInstead).toEqual([]);
    expect(fs.readFileSync(path.join(all, 'training', 'label_2', 'a.txt'), 'utf8')).toMatch(/^Van /);
  });

  it('does the same in the other formats and from the read-only source of `cuboid export`', async () => {
    const { ws, data, state } = await acceptedThenEdited();
    const formatted = await exportLabelFormat(ws.service, new DirectorySink(temp()), { format: 'openpcdet', statuses: ['accepted'] });
    expect(formatted.acceptedInstead).toEqual([{ frameId: 'a', revision: 2, current: 3 }]);
    expect(formatted.classes).toEqual(['Car']);
    await ws.close();
    const source = await ReadOnlyExportSource.open({ dataDir: data, stateDir: state });
    try {
      const out = temp();
      const summary = await exportDataset(source, new DirectorySink(out), { statuses: ['accepted'] });
      expect(summary.acceptedInstead).toEqual([{ frameId: 'a', revision: 2, current: 3 }]);
      expect(fs.readFileSync(path.join(out, 'training', 'label_2', 'a.txt'), 'utf8')).toMatch(/^Car /);
    } finally {
      await source.close();
    }
  });

  it('writes the current revision when a reject came after the accept', async () => {
    const { ws } = await acceptedThenEdited();
    await ws.service.storage.logActivity({ user: 'rev', action: 'reject', frameId: 'a', revision: 3, detail: {} });
    const out = temp();
    const summary = await exportDataset(ws.service, new DirectorySink(out), { statuses: ['accepted'] });
    expect(summary.acceptedInstead).toEqual([]);
    expect(fs.readFileSync(path.join(out, 'training', 'label_2', 'a.txt'), 'utf8')).toMatch(/^Van /);
  });
});
