import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../../src/io/apiClient.ts';
import { sampleCuboid } from '../server/fixtures/makeDataset.ts';

/** A client over a fetch that records the calls it got and answers 200 with `{}`. */
function recording() {
  const calls: string[] = [];
  const api = createApiClient({
    baseUrl: 'http://x',
    fetch: async (input, init) => {
      calls.push(`${init?.method ?? 'GET'} ${String(input)}`);
      return new Response('{}', { status: 200, headers: { 'Content-Type': 'application/json' } });
    },
  });
  return { api, calls };
}

describe('apiClient: when requests start', () => {
  it('starts a read in a task of its own, not inside the caller’s', async () => {
    const { api, calls } = recording();
    const pending = api.getAnnotation('000001');
    await Promise.resolve();
    expect(calls).toEqual([]);
    await pending;
    expect(calls).toEqual(['GET http://x/api/frames/000001/annotation']);
  });

  it('starts a write at once (a save when the page is left cannot wait for a task)', async () => {
    const { api, calls } = recording();
    const doc = { frameId: '000001', revision: 3, cuboids: [sampleCuboid('a')], dontCare: [], dismissals: [] };
    void api.saveAnnotation('000001', doc as never, 3).catch(() => undefined);
    await Promise.resolve();
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatch(/^PUT http:\/\/x\/api\/frames\/000001\/annotation/);
  });

  it('does not start a read whose signal was aborted meanwhile', async () => {
    const { api, calls } = recording();
    const abort = new AbortController();
    const pending = api.getAnnotation('000001', abort.signal);
    abort.abort();
    await expect(pending).rejects.toThrow();
    expect(calls).toEqual([]);
  });
});
