import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import { sampleCuboid, sampleDoc } from './fixtures/makeDataset.ts';
import { startTestServer, type TestServer } from './fixtures/testServer.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

const doc = sampleDoc('000001');
const cuboid = sampleCuboid('a');
const url = '/api/frames/000001/annotation';
const json = { 'content-type': 'application/json', 'if-match': '"0"' };
const put = (payload: unknown, headers: Record<string, string> = json): InjectOptions => ({
  method: 'PUT',
  url,
  headers,
  payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
});
const get = (u: string, headers: Record<string, string> = {}): InjectOptions => ({ method: 'GET', url: u, headers });

const cases: [string, InjectOptions, number][] = [
  // Paths: traversal is impossible by construction (ids are checked, then looked up in the index).
  ['dot-dot segments', get('/api/frames/../../etc/passwd/points'), 404],
  ['encoded dot-dot', get('/api/frames/%2e%2e/points'), 404],
  ['encoded dot-dot with encoded slashes', get('/api/frames/%2e%2e%2f%2e%2e%2fetc%2fpasswd/points'), 404],
  ['dot-dot then a real id', get('/api/frames/..%2f000001/points'), 404],
  ['encoded absolute path', get('/api/frames/%2Fetc%2Fpasswd/points'), 404],
  ['double slash absolute path', get('/api/frames//etc/passwd/points'), 404],
  ['NUL byte', get('/api/frames/000001%00/points'), 404],
  ['id with encoded slash to another frame', get('/api/frames/000001%2f..%2f000002/annotation'), 404],
  ['Windows path', get('/api/frames/C:%5Cwindows%5Cwin.ini/points'), 404],
  ['broken percent-encoding', get('/api/frames/%ZZ/points'), 400],
  ['overlong id', get(`/api/frames/${'1'.repeat(300)}/points`), 414],
  ['hidden folder name', get('/api/frames/.cuboid/annotation'), 404],
  ['prototype key as id', get('/api/frames/__proto__/annotation'), 404],
  ['constructor as id', get('/api/frames/constructor/label'), 404],
  ['unknown method', { method: 'DELETE', url }, 404],
  ['unknown API route', get('/api/nothing'), 404],
  ['range past the end', get('/api/frames/000001/points', { range: 'bytes=999999-' }), 416],
  ['garbage range', get('/api/frames/000001/points', { range: 'bytes=--1' }), 416],
  ['export split out of range', get('/api/export.zip?split=1.5'), 400],
  ['export split NaN', get('/api/export.zip?split=NaN'), 400],
  ['activity limit negative', get('/api/activity?limit=-1'), 400],
  // Bodies.
  ['invalid JSON', put('{"schemaVersion": 1,'), 400],
  ['empty JSON body', put(''), 400],
  ['text/plain body', put(JSON.stringify(doc), { 'content-type': 'text/plain', 'if-match': '"0"' }), 415],
  ['null body', put('null'), 400],
  ['array body', put([doc]), 400],
  ['string body', put('"hello"'), 400],
  ['huge body', put({ ...doc, padding: 'x'.repeat(9 * 1024 * 1024) }), 413],
  ['missing cuboids', put({ ...doc, cuboids: undefined }), 400],
  ['missing schemaVersion', put({ ...doc, schemaVersion: undefined }), 400],
  ['string coordinates', put({ ...doc, cuboids: [{ ...cuboid, center: ['1', '2', '3'] }] }), 400],
  ['NaN literal', put(`{"schemaVersion":1,"frameId":"000001","cuboids":[{"yaw":NaN}]}`), 400],
  ['Infinity via 1e999', put(JSON.stringify({ ...doc, cuboids: [{ ...cuboid, yaw: 0 }] }).replace('"yaw":0', '"yaw":1e999')), 400],
  ['negative size', put({ ...doc, cuboids: [{ ...cuboid, size: [4, -1, 1] }] }), 400],
  ['label with a newline (label-file injection)', put({ ...doc, cuboids: [{ ...cuboid, label: 'Car\nDontCare' }] }), 400],
  ['__proto__ pollution', put(`{"schemaVersion":1,"__proto__":{"polluted":true}}`), 400],
  ['constructor.prototype pollution', put(`{"schemaVersion":1,"constructor":{"prototype":{"polluted":true}}}`), 400],
  ['future schemaVersion', put({ ...doc, schemaVersion: 999 }), 400],
  ['unknown status', put({ ...doc, status: 'done' }), 400],
  ['too many boxes', put({ ...doc, cuboids: Array.from({ length: 10_001 }, (_, i) => ({ ...cuboid, id: `c${i}` })) }), 400],
  ['another frame id in the body', put({ ...doc, frameId: '000002' }), 400],
  ['baseRevision as a string', put({ ...doc, baseRevision: '0' }, { 'content-type': 'application/json' }), 400],
  ['negative baseRevision', put({ ...doc, baseRevision: -1 }, { 'content-type': 'application/json' }), 400],
  ['no base revision at all', put(doc, { 'content-type': 'application/json' }), 428],
  ['If-Match *', put(doc, { 'content-type': 'application/json', 'if-match': '*' }), 400],
  ['weak If-Match', put(doc, { 'content-type': 'application/json', 'if-match': 'W/"0"' }), 400],
  ['non-numeric If-Match', put(doc, { 'content-type': 'application/json', 'if-match': '"abc"' }), 400],
  ['If-Match list', put(doc, { 'content-type': 'application/json', 'if-match': '"0", "1"' }), 400],
  ['PUT to an unknown frame', { ...put(doc), url: '/api/frames/999999/annotation' }, 404],
  ['PUT to a traversal id', { ...put(doc), url: '/api/frames/..%2f..%2fx/annotation' }, 404],
];

describe('malformed requests', () => {
  it('has more than 30 cases', () => {
    expect(cases.length).toBeGreaterThan(30);
  });

  it.each(cases.map(([name, request, status]) => [name, status, request] as const))('%s → %i with a JSON {error, detail}', async (_name, status, request) => {
    const res = await server.app.inject(request);
    expect(res.statusCode).toBe(status);
    const body = res.json() as { error: unknown; detail: unknown };
    expect(typeof body.error).toBe('string');
    expect(typeof body.detail).toBe('string');
  });

  it('left nothing stored, no label written and no prototype polluted', async () => {
    const current = (await server.app.inject(get(url))).json();
    expect(current.revision).toBe(0);
    expect(fs.existsSync(path.join(server.stateDir, 'label_2', '000001.txt'))).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
