import { describe, expect, it } from 'vitest';
import { caller, person } from '@lianxin/shared/testing';
import { numericCode } from '@lianxin/shared/ids';
import { createApp } from '../../src/http/app';
import { getCode } from '../../src/store/codes';
import { app, held, outboxFor, shop, typesIn } from './support';

const confirm = (as: Parameters<typeof caller>[1], code: string, at = app) => caller(at, as)('POST', '/redemptions/confirm', { body: { code } });

/** A code that was never issued (8-digit codes are random, so check). */
const unusedCode = async (): Promise<string> => {
  const code = numericCode(8);
  return (await getCode(code)) ? unusedCode() : code;
};

describe('confirming a code at the counter', () => {
  it('works once; the second time is 409 CODE_ALREADY_USED', async () => {
    const { rewardId, merchant } = await shop();
    const { code, r } = await held(rewardId);
    const first = await confirm(merchant, code);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ redemptionId: r.redemptionId, status: 'confirmed' });
    const second = await confirm(merchant, code);
    expect(second.status).toBe(409);
    expect(second.body.error).toMatchObject({ code: 'CODE_ALREADY_USED', fields: { code: 'already used' } });
  });

  it('lets exactly one of 20 concurrent confirms through, with one event', async () => {
    const { rewardId, merchant } = await shop();
    const { code, r, read } = await held(rewardId);
    const statuses = (await Promise.all(Array.from({ length: 20 }, () => confirm(merchant, code)))).map((res) => res.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    expect((await read()).body.status).toBe('confirmed');
    expect(typesIn(await outboxFor(r.redemptionId))).toEqual(['RedemptionConfirmed', 'RedemptionRequested']);
  });

  it("refuses another shop's code with 403 NOT_YOUR_REDEMPTION and leaves it usable", async () => {
    const { rewardId, merchant } = await shop();
    const { code } = await held(rewardId);
    const other = await shop();
    const res = await confirm(other.merchant, code);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('NOT_YOUR_REDEMPTION');
    expect((await confirm(merchant, code)).status).toBe(200);
  });

  it('answers 410 CODE_EXPIRED past the expiry, before any sweep, and the code stays unused', async () => {
    const { rewardId, merchant } = await shop();
    const { code, read } = await held(rewardId);
    const sixteenMinutesOn = createApp(() => new Date(Date.now() + 16 * 60_000));
    const res = await confirm(merchant, code, sixteenMinutesOn);
    expect(res.status).toBe(410);
    expect(res.body.error.code).toBe('CODE_EXPIRED');
    expect((await read()).body.status).toBe('held');
  });

  it('answers 404 with the field `code` for an unknown code, 400 for a malformed one', async () => {
    const { merchant } = await shop();
    const unknown = await confirm(merchant, await unusedCode());
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toMatchObject({ code: 'CODE_NOT_FOUND', fields: { code: 'not found' } });
    const malformed = await confirm(merchant, '123');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.fields).toHaveProperty('code');
  });

  it('answers malformed JSON with 400 MALFORMED_JSON', async () => {
    const { merchant } = await shop();
    const res = await caller(app, merchant)('POST', '/redemptions/confirm', { rawBody: '{"code": ' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('MALFORMED_JSON');
  });

  it('is for merchants only', async () => {
    const { rewardId } = await shop();
    const { code, who } = await held(rewardId);
    expect((await confirm(who, code)).status).toBe(403);
    expect((await confirm(person({ roles: ['organizer'] }), code)).status).toBe(403);
    expect((await caller(app)('POST', '/redemptions/confirm', { body: { code } })).status).toBe(401);
  });
});
