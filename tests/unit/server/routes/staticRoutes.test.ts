import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../fixtures/makeDataset.ts';
import { startTestServer, type TestServer } from '../fixtures/testServer.ts';

let server: TestServer | undefined;
let dist: string | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  if (dist !== undefined) fs.rmSync(dist, { recursive: true, force: true });
});

function makeDist(): string {
  dist = makeTempDir('cuboid-dist-');
  fs.mkdirSync(path.join(dist, 'assets'));
  fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Cuboid</title>');
  fs.writeFileSync(path.join(dist, 'assets', 'app-abc123.js'), 'console.log(1)');
  return dist;
}

describe('the built app', () => {
  it('serves index.html at / and for client-side routes', async () => {
    server = await startTestServer({ distDir: makeDist() });
    for (const url of ['/', '/frames/000001', '/review?x=1']) {
      const res = await server.app.inject(url);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.body).toContain('<title>Cuboid</title>');
    }
  });

  it('serves hashed assets as immutable', async () => {
    server = await startTestServer({ distDir: makeDist() });
    const res = await server.app.inject('/assets/app-abc123.js');
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(res.headers['cache-control']).toContain('immutable');
    expect(res.body).toBe('console.log(1)');
  });

  it('never serves files outside dist and gives JSON 404 for missing files and API routes', async () => {
    server = await startTestServer({ distDir: makeDist() });
    for (const url of ['/assets/missing.js', '/../package.json', '/%2e%2e/package.json', '/assets/..%2f..%2fpackage.json', '/api/nothing']) {
      const res = await server.app.inject(url);
      expect(res.statusCode).toBe(404);
      expect(res.json().error).toBe('not_found');
    }
  });

  it('explains how to build when dist is missing', async () => {
    server = await startTestServer({ distDir: path.join(makeTempDir(), 'none') });
    const res = await server.app.inject('/');
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/npm run build/);
  });
});
