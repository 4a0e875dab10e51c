import { authorize } from '@lianxin/shared/auth/policy';
import type { Principal } from '@lianxin/shared/auth/principal';
import { numericCode } from '@lianxin/shared/ids';
import { CODE_DIGITS, type CheckinCode, issueCode } from '../domain/codes';
import { codeSpaceExhausted } from '../domain/errors';
import { storeCode } from '../store/codes';
import { getShift } from '../store/shifts';

const ISSUE_ATTEMPTS = 8;

/** Where a code's digits come from (tests pass their own to force collisions). */
export type DrawDigits = () => string;

const randomDigits: DrawDigits = () => numericCode(CODE_DIGITS);

/** A fresh code for the shift, drawing again while the digits belong to a live code (503 when none is free). */
export const issueFreshCode = async (shiftId: string, now: Date, draw: DrawDigits = randomDigits): Promise<CheckinCode> => {
  for (let attempt = 0; attempt < ISSUE_ATTEMPTS; attempt++) {
    const code = issueCode(shiftId, draw(), now);
    if (await storeCode(code, now)) return code;
  }
  throw codeSpaceExhausted();
};

export interface IssueCheckinCodeInput {
  shiftId: string;
  organizer: Principal;
}

/** An organizer of the shift's organization shows a new code; the shift's previous code stops working. */
export const issueCheckinCode = async ({ shiftId, organizer }: IssueCheckinCodeInput, now: Date): Promise<CheckinCode> => {
  const shift = await getShift(shiftId);
  authorize(organizer, 'checkinCode.issue', { org: shift.orgId });
  return issueFreshCode(shift.shiftId, now);
};
