import type { Envelope } from '@lianxin/shared/events/envelope';
import { commitOnce } from '@lianxin/shared/events/inbox';
import { type CancelledClaim, putCancelledClaim } from '../store/roster';
import { inbox } from '../store/table';

/** Cancelled claims (one volunteer's, or every claim of a cancelled activity) leave their rosters for good. */
export const cancelClaims = (event: Envelope, claims: CancelledClaim[]) =>
  commitOnce(inbox, event, ...claims.map(({ claimId, shiftId, volunteerId }) => putCancelledClaim({ claimId, shiftId, volunteerId })));
