import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../../src/state/createAppStore.ts';

describe('colour mode', () => {
  it('follows the file (its colours when it has rgb) until the user picks one', () => {
    const store = createAppStore();
    store.getState().suggestColorMode('rgb');
    expect(store.getState().view.colorMode).toBe('rgb');
    store.getState().suggestColorMode('height');
    expect(store.getState().view.colorMode).toBe('height');
    store.getState().setColorMode('intensity');
    store.getState().suggestColorMode('rgb');
    expect(store.getState().view.colorMode).toBe('intensity');
  });
});
