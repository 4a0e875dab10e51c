import { person } from '@lianxin/shared/testing';
import { describe, expect, it } from 'vitest';
import { type Wish, claim, confirm, fulfil, planWish, review, seesDetails, seesWish, wishView } from '../../src/domain/wishes/wish';

const now = new Date('2026-11-21T08:00:00Z');
const resident = person({ roles: ['volunteer'] });
const worker = person({ roles: ['organizer'], scopes: ['org:o1'] });
const helper = person({ roles: ['volunteer'] });
const grid = { gridId: 'g1', communityId: 'c1', streetId: 's1' };
const input = { title: '修水龙头', description: '厨房水龙头漏水', gridId: 'g1', address: '湖滨路1号', contactName: '张三', contactPhone: '13812345678' };
const posted = (): Wish => planWish('wsh_1', input, grid, resident, now);
const open = () => review(posted(), true, worker, true, undefined, now);
const claimed = () => claim(open(), helper, undefined, now);
const fulfilled = () => fulfil(claimed(), helper, { note: '换了阀芯', minutes: 45 }, now);

const code = (f: () => unknown) => {
  try {
    f();
  } catch (error) {
    return `${(error as { status: number }).status} ${(error as { code: string }).code}`;
  }
  return 'no error';
};

describe('wish transitions', () => {
  it('go pending_review → open → claimed → fulfilled → confirmed', () => {
    expect(posted().status).toBe('pending_review');
    expect(open()).toMatchObject({ status: 'open', reviewedBy: worker.userId });
    expect(claimed()).toMatchObject({ status: 'claimed', claimedBy: helper.userId });
    expect(fulfilled()).toMatchObject({ status: 'fulfilled', minutes: 45, fulfilNote: '换了阀芯' });
    expect(confirm(fulfilled(), resident, now)).toMatchObject({ status: 'confirmed', confirmedAt: now.toISOString() });
  });

  it('reject records the reason', () => {
    expect(review(posted(), false, worker, true, '不属于微心愿范围', now)).toMatchObject({ status: 'rejected', rejectReason: '不属于微心愿范围' });
  });

  it('refuse the wrong state with WISH_NOT_<STATE>', () => {
    expect(code(() => claim(posted(), helper, undefined, now))).toBe('409 WISH_NOT_OPEN');
    expect(code(() => review(open(), true, worker, true, undefined, now))).toBe('409 WISH_NOT_PENDING_REVIEW');
    expect(code(() => confirm(claimed(), resident, now))).toBe('409 WISH_NOT_FULFILLED');
    expect(code(() => fulfil(fulfilled(), helper, { note: 'x', minutes: 1 }, now))).toBe('409 WISH_NOT_CLAIMED');
  });

  it('refuse the wrong person with 403', () => {
    expect(code(() => review(posted(), true, helper, false, undefined, now))).toBe('403 FORBIDDEN');
    expect(code(() => claim(open(), resident, undefined, now))).toBe('403 OWN_WISH');
    expect(code(() => claim(open(), person({ roles: ['merchant'] }), undefined, now))).toBe('403 FORBIDDEN');
    expect(code(() => fulfil(claimed(), resident, { note: 'x', minutes: 1 }, now))).toBe('403 FORBIDDEN');
    expect(code(() => confirm(fulfilled(), helper, now))).toBe('403 FORBIDDEN');
  });

  it('let an organizer claim only on behalf of a unit', () => {
    const unitLead = person({ roles: ['organizer'], scopes: ['org:o2'] });
    expect(claim(open(), unitLead, '九江银行', now)).toMatchObject({ claimedBy: unitLead.userId, onBehalfOf: '九江银行' });
    expect(code(() => claim(open(), unitLead, undefined, now))).toBe('400 VALIDATION_FAILED');
    expect(code(() => claim(open(), worker, '九江银行', now))).toBe('403 REVIEWER_CANNOT_CLAIM');
    expect(code(() => claim(open(), helper, '九江银行', now))).toBe('403 FORBIDDEN');
  });
});

describe('visibility', () => {
  it('shows where and whose a wish is to the poster, the claimant and vetters only', () => {
    const w = claimed();
    expect(seesDetails(resident, w, false)).toBe(true);
    expect(seesDetails(helper, w, false)).toBe(true);
    expect(seesDetails(worker, w, true)).toBe(true);
    expect(seesDetails(person({ roles: ['volunteer'] }), w, false)).toBe(false);
    expect(seesDetails(helper, open(), false)).toBe(false);
    for (const hidden of ['address', 'postedBy', 'contactName', 'contactPhone']) expect(wishView(w, false)).not.toHaveProperty(hidden);
    expect(wishView(w, true)).toHaveProperty('address', '湖滨路1号');
  });

  it('keeps a wish under review between the poster and vetters', () => {
    const pending = posted();
    expect(seesWish(person({ roles: ['volunteer'] }), pending, false)).toBe(false);
    expect(seesWish(resident, pending, false)).toBe(true);
    expect(seesWish(worker, pending, true)).toBe(true);
    expect(seesWish(person({ roles: ['volunteer'] }), open(), false)).toBe(true);
  });
});
