import { describe, expect, it } from 'vitest';
import { participation } from '../../src/domain/stats/participation';

describe('participation', () => {
  it('sums a grid\'s shards per grid and per community', () => {
    const shard = (gridId: string, communityId: string, claimsConfirmed: number) => ({ gridId, communityId, streetId: 's', claimsConfirmed });
    const p = participation([shard('g2', 'c1', 1), shard('g1', 'c1', 2), shard('g1', 'c1', 3), shard('g3', 'c2', 4)]);
    expect(p.totals.claimsConfirmed).toBe(10);
    expect(p.grids.map((g) => [g.gridId, g.claimsConfirmed])).toEqual([['g1', 5], ['g2', 1], ['g3', 4]]);
    expect(p.communities.map((c) => [c.communityId, c.claimsConfirmed, c.shifts])).toEqual([['c1', 6, 0], ['c2', 4, 0]]);
  });
});
