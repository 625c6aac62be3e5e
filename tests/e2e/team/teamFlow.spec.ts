import fs from 'node:fs';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { expect, test, type Page } from '@playwright/test';
import pg from 'pg';
import { storeValue, waitForFrameLoaded, waitForViewStill } from '../helpers.ts';
import { teamInfoFile, type TeamServerInfo } from './teamServerInfo.ts';

// The core flow on the team backend (playwright.team.config.ts): points and calib from the bucket
// (s3rver), the document in PostgreSQL, the label object written back to the bucket.
// (The SDK's notice that its 2027 releases need Node 22 is noise here, as in the server.)
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

interface Box {
  id: string;
  label: string;
  source: string;
  center: [number, number, number];
  yaw: number;
}

async function openFrame(page: Page, id: string): Promise<void> {
  await page.goto(`/?frame=${id}`);
  await waitForFrameLoaded(page);
  await page.waitForFunction((fid) => (window as any).__cuboid.store.getState().doc?.frameId === fid, id);
}

const boxes = (page: Page) => storeValue<Box[]>(page, 'state.doc ? state.doc.cuboids : []');

function teamInfo(baseURL: string | undefined): TeamServerInfo {
  const port = Number(new URL(baseURL ?? '').port);
  return JSON.parse(fs.readFileSync(teamInfoFile(port), 'utf8')) as TeamServerInfo;
}

test('on PostgreSQL and a bucket: open a KITTI frame, fit a car with one click, save, reload and see it; the row and the label object follow', async ({
  page,
  request,
  baseURL,
}) => {
  const info = teamInfo(baseURL);
  await openFrame(page, '000002');
  const gt = (await boxes(page)).find((b) => b.label === 'Car')!;
  expect(gt).toBeTruthy();

  // Delete the imported car (Tab Tab selects it), then fit a new one with one click in the top view.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  expect(await storeValue<string[]>(page, 'state.selectedIds')).toEqual([gt.id]);
  await page.keyboard.press('Delete');
  await page.keyboard.press('m');
  await page.keyboard.press('1');
  await page.keyboard.press('f');
  await expect(page.getByTestId('tool-path')).toHaveAttribute('data-tool-path', /^fit\./);
  await waitForViewStill(page, gt.center);
  const xy = await page.evaluate((p) => (window as any).__cuboid.project(p), gt.center);
  expect(xy).not.toBeNull();
  await page.mouse.click(xy[0], xy[1]);
  await page.waitForFunction(() => (window as any).__cuboid.store.getState().doc.cuboids.some((c: Box) => c.source === 'fit'));
  const fitted = (await boxes(page)).find((b) => b.source === 'fit')!;
  expect(Math.hypot(fitted.center[0] - gt.center[0], fitted.center[1] - gt.center[1])).toBeLessThan(0.6);

  // The autosave commits it (revision 1 was the import of the shipped label on first open).
  await page.waitForFunction(
    () => {
      const s = (window as any).__cuboid.store.getState();
      return s.save.status === 'saved' && (s.save.lastSavedRevision ?? 0) >= 2;
    },
    null,
    { timeout: 30_000 },
  );
  const revision = await storeValue<number>(page, 'state.save.lastSavedRevision');

  // A reload reads it back from the server: the same box, at the same place, at that revision.
  await openFrame(page, '000002');
  const reloaded = (await boxes(page)).find((b) => b.id === fitted.id);
  expect(reloaded?.center).toEqual(fitted.center);
  expect(reloaded?.label).toBe('Car');
  expect(await storeValue<number>(page, 'state.doc.revision')).toBe(revision);

  // The document is PostgreSQL's row ...
  const db = new pg.Client({ connectionString: info.dbUrl });
  await db.connect();
  try {
    const row = (await db.query<{ revision: number; doc: string }>('SELECT revision, doc FROM annotations WHERE frame_id = $1', ['000002'])).rows[0];
    expect(row.revision).toBe(revision);
    expect((JSON.parse(row.doc) as { cuboids: Box[] }).cuboids.some((c) => c.id === fitted.id)).toBe(true);
  } finally {
    await db.end();
  }
  // ... and the label object in the bucket is that revision's label_2 text.
  const label = await (await request.get('/api/frames/000002/label')).text();
  expect(label.split('\n').some((l) => l.startsWith('Car '))).toBe(true);
  const s3 = new S3Client({
    endpoint: info.endpoint,
    forcePathStyle: true,
    region: 'us-east-1',
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });
  try {
    await expect
      .poll(async () => {
        const out = await s3.send(new GetObjectCommand({ Bucket: info.bucket, Key: `${info.prefix}/label_2/000002.txt` }));
        return out.Body?.transformToString();
      })
      .toBe(label);
  } finally {
    s3.destroy();
  }
});
