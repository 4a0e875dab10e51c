/**
 * EarningPolicyChanged carries the limits other services check before an amount reaches the
 * ledger: hours refuses an organizer's bonus above `maxOrganizerBonus` at verification. A
 * private table, so the policy versions are exactly this suite's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events as catalog } from '@lianxin/shared/events/catalog';
import { caller, person } from '@lianxin/shared/testing';
import { DEFAULT_POLICY } from '../../src/domain/policy';
import { createApp } from '../../src/http/app';
import { useFreshLedgerTable } from '../support/harness';
import { outboxFor } from '../support/support';

const adminPerson = person({ roles: ['admin'] });
const admin = caller(createApp(), adminPerson);

let restoreTable: () => void;
beforeAll(async () => {
  restoreTable = await useFreshLedgerTable('policyevent');
});
afterAll(() => restoreTable());

describe('EarningPolicyChanged', () => {
  it("hours' assumption before any change is the default policy, version 1, with a bonus of at most 20", async () => {
    // services/hours/src/domain/policyLimits.ts copies these two numbers (README: "Earning policy").
    expect(DEFAULT_POLICY).toMatchObject({ version: 1, maxOrganizerBonus: 20 });
    expect((await admin('GET', '/ledger/policy')).body).toMatchObject({ version: 1, maxOrganizerBonus: 20 });
    expect(await outboxFor(adminPerson.userId)).toEqual([]);
  });

  it('announces each new version with its maximum organizer bonus', async () => {
    const { version: _v, ...policy } = (await admin('GET', '/ledger/policy')).body;
    expect((await admin('PUT', '/ledger/policy', { body: { ...policy, maxOrganizerBonus: 35 } })).status).toBe(200);
    expect((await admin('PUT', '/ledger/policy', { body: { ...policy, maxOrganizerBonus: 15 } })).status).toBe(200);

    const announced = (await outboxFor(adminPerson.userId)).filter((e) => e.type === 'EarningPolicyChanged');
    const payloads = announced.map((e) => catalog.EarningPolicyChangedV1.data.parse(e.data)).sort((a, b) => a.version - b.version);
    expect(payloads).toEqual([
      { version: 2, by: adminPerson.userId, maxOrganizerBonus: 35 },
      { version: 3, by: adminPerson.userId, maxOrganizerBonus: 15 },
    ]);
  });
});
