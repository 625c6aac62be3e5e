import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FrameAnnotation } from '../../../src/domain/document/FrameAnnotation.ts';
import { createServer } from '../../../src/server/createServer.ts';
import { createTestDatabase } from '../../helpers/testDatabase.ts';
import { makeKittiDataset, makeTempDir, sampleCuboid, sampleDoc } from './fixtures/makeDataset.ts';

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const f of cleanup.reverse()) await f();
  cleanup = [];
});

/** A TCP relay to the database that the test can cut (every connection dropped, new ones refused) and restore on the same port. */
async function relayTo(target: URL): Promise<{ port: number; cut(): Promise<void>; restore(): Promise<void>; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  let server: net.Server | null = null;
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve) => {
      server = net.createServer((client) => {
        const upstream = net.connect(Number(target.port), target.hostname);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on('close', () => sockets.delete(s));
          s.on('error', () => s.destroy());
        }
        client.pipe(upstream).pipe(client);
      });
      server.listen(port, '127.0.0.1', () => {
        port = (server!.address() as net.AddressInfo).port;
        resolve();
      });
    });
  const cut = async () => {
    const s = server;
    server = null;
    for (const sock of sockets) sock.destroy();
    if (s !== null) await new Promise((resolve) => s.close(resolve));
  };
  await listen();
  return { port, cut, restore: listen, close: cut };
}

describe('the database goes away while serving', () => {
  it('answers 503 database_unavailable naming the cause, stores nothing, and the same save succeeds once it is back', async () => {
    const db = await createTestDatabase();
    const url = new URL(db.url);
    const relay = await relayTo(url);
    const root = makeTempDir();
    cleanup.push(async () => {
      await db.drop();
      fs.rmSync(root, { recursive: true, force: true });
    });
    cleanup.push(() => relay.close());
    const viaRelay = new URL(db.url);
    viaRelay.port = String(relay.port);
    const dataDir = makeKittiDataset(path.join(root, 'data'), { ids: ['000001'] });
    const app = await createServer({ dataDir, stateDir: path.join(root, 'state'), db: viaRelay.toString() });
    cleanup.push(() => app.close());
    const put = (doc: FrameAnnotation, base: number) =>
      app.inject({ method: 'PUT', url: '/api/frames/000001/annotation', payload: doc, headers: { 'if-match': `"${base}"` } });
    expect((await put(sampleDoc('000001', [sampleCuboid('a')]), 0)).statusCode).toBe(200);

    await relay.cut();
    const edit = sampleDoc('000001', [sampleCuboid('a'), sampleCuboid('b', { center: [12, 2, -1] })]);
    const down = await put(edit, 1);
    expect(down.statusCode).toBe(503);
    expect(down.json()).toMatchObject({ error: 'database_unavailable' });
    expect(down.json().detail).toMatch(/^the database does not answer: /);
    expect((await app.inject('/api/frames')).statusCode).toBe(503);

    await relay.restore();
    const again = await put(edit, 1);
    expect(again.statusCode).toBe(200);
    expect((again.json().annotation as FrameAnnotation).revision).toBe(2);
    expect((await app.cuboid.storage.listRevisions('000001')).map((r) => r.revision)).toEqual([1, 2]);
  });
});
