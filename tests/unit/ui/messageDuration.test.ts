import { describe, expect, it } from 'vitest';
import { messageDuration } from '../../../src/ui/MessageToast.tsx';

describe('how long a message stays', () => {
  it('long enough to read: 4 s for a short one, longer for a long warning, 12 s at most, 10 s with a button', () => {
    expect(messageDuration('Saved.', false)).toBe(4000);
    const long =
      'The object there lies wholly outside the height slice or range crop: nothing is fitted to points you cannot see. Widen or clear them in Visibility.';
    expect(messageDuration(long, false)).toBeGreaterThan(6000);
    expect(messageDuration(long.repeat(5), false)).toBe(12_000);
    expect(messageDuration('Boxed.', true)).toBe(10_000);
  });
});
