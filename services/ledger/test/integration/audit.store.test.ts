import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events } from '@lianxin/shared/events/catalog';
import { newId } from '@lianxin/shared/ids';
import { caller, person } from '@lianxin/shared/testing';
import { readLedgerSnapshot } from '../../src/store/snapshot';
import { checkLedger } from '../../src/domain/audit/report';
import { ledgerEvents } from '../../src/events/consumer';
import { projector } from '../../src/events/projector';
import { createApp } from '../../src/http/app';
import { useFreshLedgerTable } from '../support/harness';
import { deliver, requested } from '../support/support';

const ROOT = join(import.meta.dirname, '..', '..', '..', '..');

// The audit reads the whole table: this file gets a ledger table of its own.
let restoreTable: () => void;
beforeAll(async () => {
  restoreTable = await useFreshLedgerTable('audit');
});
afterAll(() => restoreTable());

/** An hour at `points` points an hour (the policy holds the rate within its bounds). */
const earned = (volunteerId: string, points: number) =>
  events.HoursVerifiedV2.make({
    hourLogId: newId('hl'), volunteerId, activityId: 'a', shiftId: 's', orgId: 'o', communityId: 'c', minutes: 60, kind: 'shift', pointsPerHour: points, verifiedBy: 'org',
  }, 'hours');

/** Every TransferCommitted event in the (private) table's outbox, through the projector, twice. */
const drainProjector = async () => {
  const { outbox } = await readLedgerSnapshot();
  for (const { envelope } of outbox.filter((e) => e.envelope.type === 'TransferCommitted')) {
    await deliver(projector, envelope);
    await deliver(projector, envelope);
  }
};

const failingChecks = async () => checkLedger(await readLedgerSnapshot()).checks.filter((c) => !c.ok).map((c) => c.name);

describe('ledger audit over DynamoDB Local', () => {
  it('passes after real transfers once the projector has drained, and says which checks waited for it', async () => {
    const [ann, bo] = [newId('u'), newId('u')];
    const shop = newId('m');
    await deliver(ledgerEvents, earned(ann, 80));
    await deliver(ledgerEvents, earned(bo, 40));
    const posted = requested(ann, shop, 30);
    const voided = requested(ann, shop, 20);
    const refused = requested(bo, shop, 400);
    for (const e of [posted, voided, refused]) await deliver(ledgerEvents, e);
    await deliver(ledgerEvents, events.RedemptionConfirmedV1.make({ redemptionId: posted.data.redemptionId, merchantId: shop, confirmedBy: 'shop' }, 'redemption'));
    await deliver(ledgerEvents, events.RedemptionExpiredV1.make({ redemptionId: voided.data.redemptionId }, 'redemption'));
    await deliver(ledgerEvents, requested(bo, shop, 15)); // left pending

    expect(await failingChecks()).toEqual(['conservation', 'hot-accounts-projected']);
    await drainProjector();
    const report = checkLedger(await readLedgerSnapshot());
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.checks.find((c) => c.name === 'pending-holds-match')!.details).toBe('1 pending hold(s)');
  }, 90_000);

  it('serves the report to admins only', async () => {
    const app = createApp();
    const admin = await caller(app, person({ roles: ['admin'] }))('GET', '/ledger/audit');
    expect(admin.status).toBe(200);
    expect(admin.body.checks).toHaveLength(11);
    expect((await caller(app, person({ roles: ['volunteer'] }))('GET', '/ledger/audit')).status).toBe(403);
    expect((await caller(app)('GET', '/ledger/audit')).status).toBe(401);
  });

  it('prints one line per check from the CLI and exits non-zero when one fails', async () => {
    const cli = join(ROOT, 'services/ledger/src/handlers/auditCli.ts');
    const tsx = join(ROOT, 'node_modules/.bin/tsx');
    await drainProjector();
    const { stdout } = await promisify(execFile)(tsx, [cli], { env: process.env });
    expect(stdout).toMatch(/^✓ conservation \(needs a drained projector\): /m);
    expect(stdout.split('\n').filter((l) => /^[✓✗] /.test(l))).toHaveLength(11);

    await deliver(ledgerEvents, earned(newId('u'), 5)); // not projected yet: conservation fails
    const failed = await promisify(execFile)(tsx, [cli], { env: process.env }).catch((error: { code: number; stdout: string }) => error);
    expect(failed).toMatchObject({ code: 1 });
    expect((failed as { stdout: string }).stdout).toMatch(/^✗ conservation/m);
  }, 90_000);
});
