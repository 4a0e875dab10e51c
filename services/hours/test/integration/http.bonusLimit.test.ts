/**
 * The organizer's bonus is held to the earning policy's maximum at verification (issue 10:
 * every amount a maximum from the policy). Hours learns the maximum from the ledger's
 * EarningPolicyChanged events, so this suite uses tables of its own: the limits are one item
 * per table, and the policy versions delivered here must not reach other suites.
 */
import { executeTransactWrite } from 'dynamodb-toolbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events as catalog } from '@lianxin/shared/events/catalog';
import { caller } from '@lianxin/shared/testing';
import { useFreshTables } from '../../../../tests/insider/tables';
import { policyLimitsPut } from '../../src/store/policyLimits';
import { checkedOutLog, deliver, expectUntouched, outboxEventsOf } from '../support/fixtures';

const policyChanged = (version: number, maxOrganizerBonus?: number) =>
  catalog.EarningPolicyChangedV1.make({ version, by: 'u-admin', ...(maxOrganizerBonus === undefined ? {} : { maxOrganizerBonus }) }, 'u-admin');

const verifyWithBonus = async (bonusPoints: number) => {
  const { app, organizer, hourLogId } = await checkedOutLog();
  const answer = await caller(app, organizer)('POST', `/hours/${hourLogId}/verify`, { body: { bonusPoints } });
  return { answer, hourLogId };
};

const maxShownToOrganizers = async () => {
  const { app, organizer } = await checkedOutLog();
  const pending = await caller(app, organizer)('GET', '/hours/pending');
  expect(pending.status).toBe(200);
  return pending.body.maxBonusPoints;
};

let restoreTables: () => Promise<void>;
beforeAll(async () => {
  restoreTables = await useFreshTables('bonus');
});
afterAll(() => restoreTables());

// The cases build on each other (the limits hours knows), so they run in order.
describe.sequential('the bonus at verification', () => {
  it("before any policy event: the ledger's published default, 20, is the most", async () => {
    expect(await maxShownToOrganizers()).toBe(20);
    const over = await verifyWithBonus(21);
    expect(over.answer.status).toBe(400);
    expect(over.answer.body.error.code).toBe('VALIDATION_FAILED');
    expect(over.answer.body.error.fields).toEqual({ bonusPoints: expect.stringContaining('0 to 20') });
    await expectUntouched(over.hourLogId);

    const atMax = await verifyWithBonus(20);
    expect(atMax.answer.status).toBe(200);
    expect(atMax.answer.body).toMatchObject({ status: 'verified', bonusPoints: 20 });
    const [verified] = await outboxEventsOf(atMax.hourLogId);
    expect(verified?.data).toMatchObject({ bonusPoints: 20 });
  });

  it('after the ledger raises the maximum, the higher bonus is accepted and shown', async () => {
    await deliver(policyChanged(3, 40));
    expect(await maxShownToOrganizers()).toBe(40);
    const raised = await verifyWithBonus(35);
    expect(raised.answer.status).toBe(200);
    expect(raised.answer.body.bonusPoints).toBe(35);
    const over = await verifyWithBonus(41);
    expect(over.answer.status).toBe(400);
    expect(over.answer.body.error.fields).toEqual({ bonusPoints: expect.stringContaining('0 to 40') });
    await expectUntouched(over.hourLogId);
  });

  it('an older policy version delivered late changes nothing, nor does an event without limits', async () => {
    await deliver(policyChanged(2, 10));
    await deliver(policyChanged(4));
    expect(await maxShownToOrganizers()).toBe(40);
    expect((await verifyWithBonus(35)).answer.status).toBe(200);
  });

  it('a newer version lowers it again, and redelivering it changes nothing more', async () => {
    const lowered = policyChanged(5, 5);
    await deliver(lowered);
    await deliver(lowered);
    expect(await maxShownToOrganizers()).toBe(5);
    const over = await verifyWithBonus(6);
    expect(over.answer.status).toBe(400);
    await expectUntouched(over.hourLogId);
    expect((await verifyWithBonus(5)).answer.status).toBe(200);
  });

  it('an older version racing past the read still cannot overwrite a newer one', async () => {
    await expect(executeTransactWrite(policyLimitsPut({ version: 4, maxOrganizerBonus: 99 }))).rejects.toThrow();
    expect(await maxShownToOrganizers()).toBe(5);
  });
});
