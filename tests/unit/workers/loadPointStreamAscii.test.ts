import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPointStream, type LoadEvent } from '../../../workers/loadPointStream.ts';
import { makeTempDir } from '../server/fixtures/makeDataset.ts';
import { startTestServer, type TestServer } from '../server/fixtures/testServer.ts';

let server: TestServer;
let base: string;
const data = makeTempDir('cuboid-stream-ascii-');

/** An ascii PCD of `n` points (x = i) whose last line has no final newline. */
function asciiPcdWithoutFinalNewline(n: number): string {
  const rows = Array.from({ length: n }, (_, i) => `${i} ${i * 0.5} -1 ${i % 7}`);
  return `VERSION 0.7\nFIELDS x y z intensity\nSIZE 4 4 4 4\nTYPE F F F F\nCOUNT 1 1 1 1\nWIDTH ${n}\nHEIGHT 1\nVIEWPOINT 0 0 0 1 0 0 0\nPOINTS ${n}\nDATA ascii\n${rows.join('\n')}`;
}

beforeAll(async () => {
  fs.writeFileSync(path.join(data, 'nolf.pcd'), asciiPcdWithoutFinalNewline(37));
  server = await startTestServer({ dataDir: data });
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  const address = server.app.server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
});
afterAll(async () => {
  await server.close();
  fs.rmSync(data, { recursive: true, force: true });
});

describe('the point-cloud worker streams an ascii PCD', () => {
  it('renders the last point when the file has no final newline', async () => {
    const events: LoadEvent[] = [];
    const { summary, cloud } = await loadPointStream(`${base}/api/frames/nolf/points`, 'pcd', 'nolf', (e) => events.push(e));
    expect(cloud.count).toBe(37);
    expect(summary.count).toBe(37);
    expect(summary.renderCount).toBe(37);
    const batches = events.filter((e): e is Extract<LoadEvent, { type: 'batch' }> => e.type === 'batch');
    expect(batches).toHaveLength(summary.batches);
    expect(batches.reduce((n, b) => n + b.batch.count, 0)).toBe(37);
    const last = batches[batches.length - 1];
    expect(last.pointsParsed).toBe(37);
    expect(last.batch.positions[(last.batch.count - 1) * 3]).toBe(36);
  });
});
