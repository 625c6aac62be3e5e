import { unzipSync } from 'fflate';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import type { JobStatusReply } from '../../../src/domain/api/jobSchemas.ts';
import { createJobClient } from '../../../src/io/jobClient.ts';
import { runExportJob } from '../../../src/services/exportJob.ts';
import { ExportJobStatus } from '../../../src/ui/dashboard/ExportSection.tsx';
import { startTestServer, type TestServer } from '../server/fixtures/testServer.ts';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function listening(): Promise<{ server: TestServer; baseUrl: string }> {
  server = await startTestServer();
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  const address = server.app.server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return { server, baseUrl: `http://127.0.0.1:${address.port}` };
}

describe('the dashboard export as a job (runExportJob over HTTP)', () => {
  it('reports the job states in order and resolves with the zip’s download URL', async () => {
    const { baseUrl } = await listening();
    const seen: JobStatusReply[] = [];
    const url = await runExportJob('/api/export.zip?bin=1&points=0', (s) => seen.push(s), undefined, createJobClient({ baseUrl }));
    expect(url).toMatch(/\/api\/jobs\/[0-9a-f-]{36}\/file$/);
    expect(seen.at(-1)).toMatchObject({ state: 'done', progress: 1 });
    const zip = await fetch(url);
    expect(zip.status).toBe(200);
    const files = unzipSync(new Uint8Array(await zip.arrayBuffer()));
    expect(Object.keys(files)).toContain('ImageSets/train.txt');
  });

  it('rejects with the job’s recorded error', async () => {
    const { baseUrl } = await listening();
    await expect(runExportJob('/api/export.zip?status=finished', () => undefined, undefined, createJobClient({ baseUrl }))).rejects.toThrow(/finished/);
  });
});

describe('the export dialog’s job line', () => {
  it('shows progress while running, the link when done and the error when failed', () => {
    const running = renderToStaticMarkup(<ExportJobStatus job={{ phase: 'running', progress: 0.42 }} />);
    expect(running).toContain('<progress max="1" value="0.42"');
    expect(running).toContain('Exporting… 42 %');
    expect(renderToStaticMarkup(<ExportJobStatus job={{ phase: 'queued', progress: 0 }} />)).toContain('Waiting for a worker');
    const done = renderToStaticMarkup(<ExportJobStatus job={{ phase: 'done', url: '/api/jobs/x/file', fileName: 'data-kitti.zip' }} />);
    expect(done).toContain('href="/api/jobs/x/file"');
    expect(done).not.toContain('skipped');
    const withSkips = renderToStaticMarkup(
      <ExportJobStatus job={{ phase: 'done', url: '/api/jobs/x/file', fileName: 'data-kitti.zip', frames: 4, skipped: 1 }} />,
    );
    expect(withSkips).toContain('4 frames');
    expect(withSkips).toContain('1 skipped');
    expect(withSkips).toContain('cuboid_export.json');
    const listed = renderToStaticMarkup(
      <ExportJobStatus
        job={{
          phase: 'done',
          url: '/api/jobs/x/file',
          fileName: 'data-kitti.zip',
          frames: 4,
          skipped: 1,
          skippedFrames: [{ frameId: '000001', file: 'image_2/000001.jpg', reason: 'not a JPEG that could be converted to PNG (SOI not found)' }],
        }}
      />,
    );
    expect(listed).toContain('frame 000001: image_2/000001.jpg: not a JPEG that could be converted to PNG (SOI not found)');
    expect(listed).not.toContain('cuboid_export.json');
    const failed = renderToStaticMarkup(<ExportJobStatus job={{ phase: 'failed', message: 'frame 000001: calib/000001.txt: unreadable' }} />);
    expect(failed).toContain('role="alert"');
    expect(failed).toContain('Export failed: frame 000001: calib/000001.txt: unreadable');
  });
});
