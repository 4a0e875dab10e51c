import { hashOf } from '@lianxin/shared/ids';
import { type Account, type Totals, ZERO, addTotals, available, isWallet } from './accounts';
import { type Lot, NEVER, addLots, cohortOf, takeOldest } from './lots';
import type { VerifiedHours } from './policy';

export type TransferKind = 'EARN' | 'AWARD' | 'DEDUCT' | 'REVERSAL' | 'HOLD' | 'POST' | 'VOID' | 'EXPIRE';
export type FailureReason =
  | 'INSUFFICIENT_POINTS' | 'INVALID_AMOUNT' | 'HOLD_NOT_PENDING' | 'HOLD_EXPIRED' | 'EXCEEDS_HOLD'
  | 'ACCOUNT_FROZEN' | 'CAP_REACHED' | 'EXCEEDS_ORIGINAL' | 'BUDGET_EXHAUSTED' | 'LOT_NOT_FOUND';

export interface Hold {
  holdId: string;
  redemptionId: string;
  userAccount: string;
  merchantAccount: string;
  amount: number;
  expiresAt: string;
  state: 'PENDING' | 'POSTED' | 'VOIDED';
  /** The lots the hold took from the wallet, oldest first; a void gives them back. */
  lots?: Lot[];
}

/** A command to move points; the id comes from the business key, so a retry is a replay. */
export interface TransferCommand {
  transferId: string;
  kind: TransferKind;
  debitAccount: string;
  creditAccount: string;
  amount: number;
  memo: string;
  holdId?: string;
  /** HOLD only: when the reservation lapses (server time). */
  expiresAt?: string;
  /** AWARD, DEDUCT, REVERSAL: why an admin moved points (shown in statements). */
  reason?: string;
  /** REVERSAL: the EARN or AWARD it corrects. */
  originalTransferId?: string;
  /** EARN, AWARD: the cohort the points join (from the policy's validity); EXPIRE: the cohort that expires. */
  lotExpiresAt?: string;
  /** EARN: the community the hours were served in; it becomes the wallet's community. */
  communityId?: string;
  /** EARN: the verified hours it pays for; a redelivery must name the same hours. */
  hours?: VerifiedHours;
}

/**
 * What a replay must repeat exactly: the request, not what the plan made of it. An EARN's
 * request is the verified hours it pays for (the policy makes its amount at commit).
 */
export const requestHashOf = (cmd: TransferCommand) =>
  hashOf({
    k: cmd.kind, d: cmd.debitAccount, c: cmd.creditAccount, a: cmd.amount, h: cmd.holdId ?? null, e: cmd.expiresAt ?? null,
    ...(cmd.hours ? { w: cmd.hours } : {}),
  });

/** Kinds that move posted points immediately, like a plain transfer. */
const POSTED_NOW: readonly TransferKind[] = ['EARN', 'AWARD', 'DEDUCT', 'REVERSAL', 'EXPIRE'];
/** Kinds that bring new points into a wallet: refused while it is frozen. */
const INCOMING: readonly TransferKind[] = ['EARN', 'AWARD'];

/**
 * What a transfer does to each side's totals. `released` is the pending amount a POST or
 * VOID takes off the hold (the whole hold: a partial POST releases its remainder too).
 */
export const effects = (kind: TransferKind, amount: number, released = amount): { debit: Totals; credit: Totals } => {
  if (POSTED_NOW.includes(kind)) {
    return { debit: { ...ZERO, debitsPosted: amount }, credit: { ...ZERO, creditsPosted: amount } };
  }
  switch (kind) {
    case 'HOLD':
      return { debit: { ...ZERO, debitsPending: amount }, credit: { ...ZERO, creditsPending: amount } };
    case 'POST':
      return {
        debit: { ...ZERO, debitsPending: -released, debitsPosted: amount },
        credit: { ...ZERO, creditsPending: -released, creditsPosted: amount },
      };
    default: // VOID: the whole hold goes back, whatever amount the command names.
      return { debit: { ...ZERO, debitsPending: -released }, credit: { ...ZERO, creditsPending: -released } };
  }
};

export const isPositiveAmount = (amount: number) => Number.isSafeInteger(amount) && amount > 0;

export type Decision =
  | { ok: true; account: Account; delta: Totals; holdLots?: Lot[] }
  | { ok: false; reason: FailureReason };

/** A hold written before lots existed gave back its points as one lot that never expires. */
const lotsOfHold = (hold: Hold): Lot[] => hold.lots ?? [{ expiresAt: NEVER, points: hold.amount }];

/**
 * How a transfer changes a wallet's lots (their sum stays its available balance): incoming
 * points join their cohort, debits take the oldest first, a hold keeps what it took, a
 * capture keeps the oldest of those and returns the rest, a void returns them all.
 */
const lotsAfter = (cmd: TransferCommand, userSide: 'debit' | 'credit', lots: Lot[], hold: Hold | undefined): { lots: Lot[]; holdLots?: Lot[] } => {
  if (userSide === 'credit') return { lots: addLots(lots, [{ expiresAt: cmd.lotExpiresAt ?? NEVER, points: cmd.amount }]) };
  switch (cmd.kind) {
    case 'HOLD': {
      const { rest, taken } = takeOldest(lots, cmd.amount);
      return { lots: rest, holdLots: taken };
    }
    case 'POST':
      return { lots: addLots(lots, takeOldest(lotsOfHold(hold!), cmd.amount).rest) };
    case 'VOID':
      return { lots: addLots(lots, lotsOfHold(hold!)) };
    case 'EXPIRE': {
      const { lot, rest } = cohortOf(lots, cmd.lotExpiresAt ?? NEVER);
      return { lots: addLots(rest, [{ expiresAt: lot!.expiresAt, points: lot!.points - cmd.amount }]) };
    }
    default: // DEDUCT, REVERSAL
      return { lots: takeOldest(lots, cmd.amount).rest };
  }
};

const expiryProblem = (cmd: TransferCommand, account: Account): FailureReason | undefined => {
  const { lot } = cohortOf(account.lots ?? [], cmd.lotExpiresAt ?? NEVER);
  return !lot || lot.points < cmd.amount ? 'LOT_NOT_FOUND' : undefined;
};

const holdProblem = (cmd: TransferCommand, hold: Hold | undefined, now: Date): FailureReason | undefined => {
  if (!hold || hold.state !== 'PENDING') return 'HOLD_NOT_PENDING';
  if (cmd.kind === 'POST' && now.getTime() >= Date.parse(hold.expiresAt)) return 'HOLD_EXPIRED';
  if (cmd.amount > hold.amount) return 'EXCEEDS_HOLD';
  return undefined;
};

/** Why a transfer may not touch this user account, if it may not (pure business rules). */
const problemOf = (cmd: TransferCommand, userSide: 'debit' | 'credit', account: Account, hold: Hold | undefined, now: Date): FailureReason | undefined => {
  if (!isPositiveAmount(cmd.amount)) return 'INVALID_AMOUNT';
  if (cmd.kind === 'POST' || cmd.kind === 'VOID') return holdProblem(cmd, hold, now);
  if (cmd.kind === 'EXPIRE') return expiryProblem(cmd, account);
  // Frozen: nothing new comes in and nothing new is reserved; corrections and holds in flight still resolve.
  if (account.frozen && (cmd.kind === 'HOLD' || (userSide === 'credit' && INCOMING.includes(cmd.kind)))) return 'ACCOUNT_FROZEN';
  // A new debit must fit in what is spendable now. REVERSAL too: our stated policy is that
  // no kind takes a wallet below zero (the audit's no-negative-wallet), so a correction of
  // spent points waits until the volunteer has them again.
  if (userSide === 'debit' && available(account) < cmd.amount) return 'INSUFFICIENT_POINTS';
  return undefined;
};

/**
 * Apply a transfer to the user (synchronous) side. A user wallet never goes below zero:
 * a new debit must fit in what is spendable now, pending debits included.
 */
export const decide = (cmd: TransferCommand, userSide: 'debit' | 'credit', account: Account, hold?: Hold, now = new Date()): Decision => {
  const reason = problemOf(cmd, userSide, account, hold, now);
  if (reason) return { ok: false, reason };
  const delta = effects(cmd.kind, cmd.amount, hold?.amount)[userSide];
  const totals = addTotals(account, delta);
  const earned = cmd.kind === 'EARN' && userSide === 'credit';
  const lots = isWallet(account.accountId) ? lotsAfter(cmd, userSide, account.lots ?? [], hold) : undefined;
  return {
    ok: true,
    delta,
    ...(lots?.holdLots ? { holdLots: lots.holdLots } : {}),
    account: {
      ...account,
      ...totals,
      version: account.version + 1,
      entrySeq: account.entrySeq + 1,
      earned: account.earned + (earned ? cmd.amount : 0),
      ...(lots ? { lots: lots.lots } : {}),
      ...(earned && cmd.communityId ? { communityId: cmd.communityId } : {}),
    },
  };
};
