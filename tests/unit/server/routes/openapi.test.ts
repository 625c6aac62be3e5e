import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  activityEntrySchema,
  calibResponseSchema,
  datasetInfoSchema,
  dictionaryReplySchema,
  documentSchema,
  frameCheckSummarySchema,
  frameListItemSchema,
  reviewInfoSchema,
  revisionInfoSchema,
  saveReplySchema,
  sessionInfoSchema,
} from '../../../../src/domain/api/replySchemas.ts';
import { SHARED_KITTI } from '../fixtures/makeDataset.ts';
import { startTestServer, type TestServer } from '../fixtures/testServer.ts';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('GET /api/openapi.json', () => {
  it('documents every API route with its parameters, query, body and reply', async () => {
    server = await startTestServer({ dataDir: SHARED_KITTI });
    const res = await server.app.inject('/api/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = res.json() as {
      openapi: string;
      info: { version: string };
      paths: Record<string, Record<string, { parameters?: { name: string; in: string }[]; requestBody?: unknown; responses?: Record<string, unknown> }>>;
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.version).toMatch(/^\d+\.\d+\.\d+/);
    // Every route but the app's own files and this document is listed.
    const listed = Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p.replace(/\{(\w+)\}/g, ':$1')}`));
    const api = server.app.cuboidRoutes.filter((r) => r.includes(' /api/') && r !== 'GET /api/openapi.json');
    expect(listed.sort()).toEqual([...api].sort());
    const activity = doc.paths['/api/activity'].get;
    expect(activity.parameters?.map((p) => `${p.in} ${p.name}`).sort()).toEqual(['query frameId', 'query limit']);
    expect(doc.paths['/api/frames/{id}/flags'].post.requestBody).toBeDefined();
    expect(Object.keys(doc.paths['/api/frames/{id}/annotation'].put.responses ?? {}).sort()).toEqual(['200', '409']);
  });

  it('describes what the routes really answer (replies parse with the shared schemas)', async () => {
    server = await startTestServer({ dataDir: SHARED_KITTI });
    const get = async (url: string): Promise<unknown> => {
      const res = await server!.app.inject(url);
      expect(res.statusCode, url).toBe(200);
      return res.json();
    };
    const parse = (schema: z.ZodType, value: unknown): void => {
      const out = schema.safeParse(value);
      expect(out.success ? [] : out.error.issues).toEqual([]);
    };
    parse(sessionInfoSchema, await get('/api/session'));
    parse(datasetInfoSchema, await get('/api/dataset'));
    parse(z.array(frameListItemSchema), await get('/api/frames'));
    parse(calibResponseSchema, await get('/api/frames/000001/calib'));
    const doc = (await get('/api/frames/000001/annotation')) as { revision: number };
    parse(documentSchema, doc);
    parse(reviewInfoSchema, await get('/api/frames/000001/review'));
    parse(frameCheckSummarySchema, await get('/api/frames/000001/checks'));
    parse(dictionaryReplySchema, await get('/api/dictionary'));
    const saved = await server.app.inject({ method: 'PUT', url: '/api/frames/000001/annotation', headers: { 'if-match': `"${doc.revision}"` }, payload: doc });
    expect(saved.statusCode).toBe(200);
    parse(saveReplySchema, saved.json());
    parse(z.array(revisionInfoSchema).min(1), await get('/api/frames/000001/revisions'));
    parse(z.array(activityEntrySchema).min(1), await get('/api/activity'));
  });
});
