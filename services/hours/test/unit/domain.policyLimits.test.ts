import { describe, expect, it } from 'vitest';
import { PUBLISHED_DEFAULT_LIMITS, supersedes } from '../../src/domain/policyLimits';

describe('the policy limits hours keeps', () => {
  it('are replaced only by a newer version, whatever order the events arrive in', () => {
    const v3 = { version: 3, maxOrganizerBonus: 40 };
    expect(supersedes(v3, undefined)).toBe(true);
    expect(supersedes(v3, { version: 2, maxOrganizerBonus: 10 })).toBe(true);
    expect(supersedes(v3, { version: 3, maxOrganizerBonus: 40 })).toBe(false);
    expect(supersedes(v3, { version: 4, maxOrganizerBonus: 5 })).toBe(false);
  });

  it("assume the ledger's default policy (version 1) until the ledger announces one", () => {
    expect(PUBLISHED_DEFAULT_LIMITS).toEqual({ version: 1, maxOrganizerBonus: 20 });
    // The ledger's first change is version 2: it replaces the default.
    expect(supersedes({ version: 2, maxOrganizerBonus: 20 }, PUBLISHED_DEFAULT_LIMITS)).toBe(true);
  });
});
