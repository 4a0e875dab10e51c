/**
 * The claim/waitlist/cancel rules of one shift as a pure model, and the no-double-booking
 * rule across shifts. The store applies the same functions to what it reads before its
 * conditional transaction, and the property tests drive this model with random sequences.
 */
export interface Interval { startsAt: string; endsAt: string }

/** Half-open intervals: a shift ending at 10:00 does not overlap one starting at 10:00. */
export const overlaps = (a: Interval, b: Interval): boolean => a.startsAt < b.endsAt && b.startsAt < a.endsAt;

/** The first booking (other than the shift itself) that overlaps the shift, if any. */
export const findOverlap = <B extends Interval & { shiftId: string }>(bookings: B[], shift: Interval & { shiftId: string }): B | undefined =>
  bookings.find((b) => b.shiftId !== shift.shiftId && overlaps(b, shift));

/** The waitlist is served first come, first served: the smallest join key goes first. */
export const headOf = <W extends { waitKey?: string }>(waiting: W[]): W | undefined =>
  waiting.reduce<W | undefined>((head, w) => (!head || (w.waitKey ?? '') < (head.waitKey ?? '') ? w : head), undefined);

/** One shift: who holds a place, and who waits, in order of joining. */
export interface ShiftBook { capacity: number; confirmed: string[]; waitlist: string[] }

export type JoinOutcome = { status: 'confirmed' } | { status: 'waitlisted'; position: number } | { status: 'already' };

export const join = (book: ShiftBook, volunteerId: string): { book: ShiftBook; outcome: JoinOutcome } => {
  if (book.confirmed.includes(volunteerId) || book.waitlist.includes(volunteerId)) return { book, outcome: { status: 'already' } };
  if (book.confirmed.length < book.capacity) {
    return { book: { ...book, confirmed: [...book.confirmed, volunteerId] }, outcome: { status: 'confirmed' } };
  }
  const waitlist = [...book.waitlist, volunteerId];
  return { book: { ...book, waitlist }, outcome: { status: 'waitlisted', position: waitlist.length } };
};

/** Leaving frees a place only when the leaver held one; the head of the waitlist takes it. */
export const leave = (book: ShiftBook, volunteerId: string): { book: ShiftBook; promoted?: string } => {
  if (book.waitlist.includes(volunteerId)) return { book: { ...book, waitlist: book.waitlist.filter((v) => v !== volunteerId) } };
  if (!book.confirmed.includes(volunteerId)) return { book };
  const confirmed = book.confirmed.filter((v) => v !== volunteerId);
  const [promoted, ...waitlist] = book.waitlist;
  if (promoted === undefined) return { book: { ...book, confirmed } };
  return { book: { ...book, confirmed: [...confirmed, promoted], waitlist }, promoted };
};
