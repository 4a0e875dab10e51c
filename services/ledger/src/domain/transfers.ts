import { type Account, type Totals, ZERO, addTotals, available } from './accounts';

export type TransferKind = 'EARN' | 'HOLD' | 'POST' | 'VOID';
export type FailureReason = 'INSUFFICIENT_POINTS' | 'INVALID_AMOUNT' | 'HOLD_NOT_PENDING' | 'HOLD_EXPIRED';

export interface Hold {
  holdId: string;
  redemptionId: string;
  userAccount: string;
  merchantAccount: string;
  amount: number;
  expiresAt: string;
  state: 'PENDING' | 'POSTED' | 'VOIDED';
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
}

/** What a transfer does to each side's totals. */
export const effects = (kind: TransferKind, amount: number): { debit: Totals; credit: Totals } => {
  switch (kind) {
    case 'EARN':
      return { debit: { ...ZERO, debitsPosted: amount }, credit: { ...ZERO, creditsPosted: amount } };
    case 'HOLD':
      return { debit: { ...ZERO, debitsPending: amount }, credit: { ...ZERO, creditsPending: amount } };
    case 'POST':
      return {
        debit: { ...ZERO, debitsPending: -amount, debitsPosted: amount },
        credit: { ...ZERO, creditsPending: -amount, creditsPosted: amount },
      };
    case 'VOID':
      return { debit: { ...ZERO, debitsPending: -amount }, credit: { ...ZERO, creditsPending: -amount } };
  }
};

export const isPositiveAmount = (amount: number) => Number.isSafeInteger(amount) && amount > 0;

export type Decision =
  | { ok: true; account: Account; delta: Totals }
  | { ok: false; reason: FailureReason };

/**
 * Apply a transfer to the user (synchronous) side. A user wallet never goes below zero:
 * a new debit must fit in what is spendable now, pending debits included.
 */
export const decide = (cmd: TransferCommand, userSide: 'debit' | 'credit', account: Account, hold?: Hold, now = new Date()): Decision => {
  if (!isPositiveAmount(cmd.amount)) return { ok: false, reason: 'INVALID_AMOUNT' };
  if (cmd.kind === 'POST' || cmd.kind === 'VOID') {
    if (!hold || hold.state !== 'PENDING') return { ok: false, reason: 'HOLD_NOT_PENDING' };
    if (cmd.kind === 'POST' && now.getTime() >= Date.parse(hold.expiresAt)) return { ok: false, reason: 'HOLD_EXPIRED' };
  }
  const delta = effects(cmd.kind, cmd.amount)[userSide];
  if (cmd.kind === 'HOLD' && available(account) < cmd.amount) return { ok: false, reason: 'INSUFFICIENT_POINTS' };
  const totals = addTotals(account, delta);
  return {
    ok: true,
    delta,
    account: {
      ...account,
      ...totals,
      version: account.version + 1,
      entrySeq: account.entrySeq + 1,
      earned: account.earned + (cmd.kind === 'EARN' && userSide === 'credit' ? cmd.amount : 0),
    },
  };
};
