import { describe, expect, it } from 'vitest';
import { holderName, whoName } from '../../../src/ui/whoName.ts';

describe('how the UI names users', () => {
  it('calls the signed-in user "you", others by name, and an unknown one by the fallback', () => {
    expect(whoName('rev', 'rev', 'someone')).toBe('you');
    expect(whoName('rev', 'ann', 'someone')).toBe('rev');
    expect(whoName(undefined, 'ann', 'someone')).toBe('someone');
    expect(whoName('local', 'local', '')).toBe('you');
    // A mark from single-user mode, seen once the team's users exist.
    expect(whoName('local', 'rev', '')).toBe('the single user (before log-ins)');
  });

  it('names a role holder with "(you)" beside the name, and single-user mode\'s "local" as "you"', () => {
    expect(holderName('ann', 'ann')).toBe('ann (you)');
    expect(holderName('ann', 'rev')).toBe('ann');
    expect(holderName('local', 'local')).toBe('you');
    expect(holderName('ann', undefined)).toBe('ann');
  });
});
