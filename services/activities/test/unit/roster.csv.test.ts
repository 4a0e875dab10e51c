import { describe, expect, it } from 'vitest';
import { rosterCsv } from '../../src/domain/roster';

const entry = (volunteerName: string) => ({ claimId: 'clm_1', volunteerId: 'u1', volunteerName, status: 'confirmed' as const, claimedAt: '2026-01-01T00:00:00.000Z' });

describe('the roster CSV', () => {
  it('neutralises cells a spreadsheet would run as formulas', () => {
    const csv = rosterCsv(['=HYPERLINK("http://evil","点我")', '+1', '-2', '@SUM(A1)', '\tx', '\rx', '张三'].map(entry));
    expect(csv).toContain(`,"'=HYPERLINK(""http://evil"",""点我"")",`);
    for (const cell of ["'+1", "'-2", "'@SUM(A1)", "'\tx"]) expect(csv).toContain(`,${cell},`);
    expect(csv).toContain(`"'\rx"`);
    expect(csv).toContain(',张三,');
  });
});
