import { describe, expect, it } from 'vitest';
import { frameFromUrl } from '../../../src/ui/frameFromUrl.ts';

describe('frameFromUrl', () => {
  it('reads ?frame=ID, else a #ID fragment, else nothing', () => {
    expect(frameFromUrl('http://127.0.0.1:8787/?frame=000004')).toBe('000004');
    expect(frameFromUrl('http://127.0.0.1:8787/#000004')).toBe('000004');
    expect(frameFromUrl('http://127.0.0.1:8787/?frame=000002#000004')).toBe('000002');
    expect(frameFromUrl('http://127.0.0.1:8787/#seq%2F0001')).toBe('seq/0001');
    expect(frameFromUrl('http://127.0.0.1:8787/#%E0%A4%A')).toBe('%E0%A4%A');
    expect(frameFromUrl('http://127.0.0.1:8787/')).toBeNull();
  });
});
