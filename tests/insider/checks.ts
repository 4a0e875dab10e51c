/**
 * The insider property, read back through the ledger's HTTP API as the admin: the points
 * minted (sys:issuance's debits) and the points in circulation (the run's wallets, shops and
 * budgets) never exceed what the policy pays for hours verified of other people plus the
 * budgets the admin funded; no wallet earns from its owner's verification or receives its
 * owner's award; the audit is green.
 */
import type { Envelope } from '@lianxin/shared/events/envelope';
import { BUDGET, ORG_OF, REWARDS, asAdmin } from './district';
import type { World } from './world';

const HOT_AND_BUDGETS = [
  ...new Set(REWARDS.map((r) => `merchant:${r.merchantId}`)),
  ...Object.values(ORG_OF).map((org) => `org:${org}:budget`),
];

const posted = async (accountId: string): Promise<number> => {
  const res = await asAdmin('GET', `/ledger/accounts/${accountId}`);
  if (res.status !== 200) throw new Error(`GET ${accountId}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.posted;
};

/** Whose verification each log's HoursVerified names, and the EARNs and their wallets. */
const selfEarnings = (seen: Map<string, Envelope>): string[] => {
  const verifiedBy = new Map<string, string>();
  for (const e of seen.values()) if (e.type === 'HoursVerified') verifiedBy.set((e.data as { hourLogId: string }).hourLogId, (e.data as { verifiedBy: string }).verifiedBy);
  return [...seen.values()].flatMap((e) => {
    const t = e.data as { kind?: string; transferId?: string; creditAccount?: string; amount?: number };
    if (e.type !== 'TransferCommitted' || t.kind !== 'EARN') return [];
    const by = verifiedBy.get(t.transferId!.replace(/^earn:/, ''));
    return t.creditAccount === `user:${by}` ? [`${by} earned ${t.amount} by verifying their own ${t.transferId}`] : [];
  });
};

/** Everything wrong after a step, as readable lines (empty when the property holds). */
export const problemsAfterStep = async (world: World, seen: Map<string, Envelope>): Promise<string[]> => {
  const verifiedPay = [...world.earnBound.values()].reduce((a, b) => a + b, 0);
  const bound = verifiedPay + BUDGET * Object.keys(ORG_OF).length;
  const accounts = [...[...world.wallets].map((u) => `user:${u}`), ...HOT_AND_BUDGETS];
  const [issuance, ...balances] = await Promise.all(['sys:issuance', ...accounts].map(posted));
  const minted = -issuance!;
  // A budget or wallet below zero would pay out points nobody minted.
  const negative = accounts.flatMap((id, i) => (balances[i]! < 0 ? [`${id} holds ${balances[i]}`] : []));
  const circulating = balances.reduce((a, b) => a + b, 0);
  const why = `(verified hours of others pay at most ${verifiedPay}, budgets ${bound - verifiedPay})`;
  return [
    ...world.violations,
    ...(minted > bound ? [`minted ${minted} > ${bound} ${why}`] : []),
    ...(circulating > bound ? [`in circulation ${circulating} > ${bound} ${why}`] : []),
    ...negative,
    ...selfEarnings(seen),
  ];
};

/** The failing checks of GET /ledger/audit. */
export const auditFailures = async (): Promise<string[]> => {
  const { status, body } = await asAdmin('GET', '/ledger/audit');
  if (status !== 200) return [`audit answered ${status}`];
  return (body.checks as { name: string; ok: boolean; details: string }[]).filter((c) => !c.ok).map((c) => `audit ${c.name}: ${c.details}`);
};

/** Awards the admin log shows an actor making to their own wallet. */
export const selfAwardsLogged = async (): Promise<string[]> => {
  const found: string[] = [];
  let cursor: string | undefined;
  do {
    const { body } = await asAdmin('GET', `/ledger/admin-log?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    for (const entry of body.items as { action: string; actor: string; target: string; amount?: number }[]) {
      if (entry.action === 'AWARD' && entry.target === `user:${entry.actor}`) found.push(`admin log: ${entry.actor} awarded themself ${entry.amount}`);
    }
    cursor = body.cursor;
  } while (cursor);
  return found;
};
