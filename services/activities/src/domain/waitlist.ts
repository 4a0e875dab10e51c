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

/**
 * Reliability bands of a waitlist (see reliability/reliability.ts): a volunteer below the
 * reliability threshold waits behind every reliable one; within a band, first come first served.
 */
export const WAIT_BANDS = ['reliable', 'unreliable'] as const;
export type WaitBand = (typeof WAIT_BANDS)[number];

/** The band is the key's prefix, so plain string order is band order, then join order. */
const BAND_PREFIX: Record<WaitBand, string> = { reliable: '0#', unreliable: '1#' };

/** `<band>#<joinedAt>#<claimId>`: the waitlist's order key (the claim id breaks same-instant ties). */
export const waitKeyOf = (band: WaitBand, joinedAt: Date, claimId: string): string =>
  `${BAND_PREFIX[band]}${joinedAt.toISOString()}#${claimId}`;

/** The waitlist is served in key order: the smallest key (best band, then earliest) goes first. */
export const headOf = <W extends { waitKey?: string }>(waiting: W[]): W | undefined =>
  waiting.reduce<W | undefined>((head, w) => (!head || (w.waitKey ?? '') < (head.waitKey ?? '') ? w : head), undefined);

/** A waiting claim's place in line: the waiting keys not after its own (1 is next). */
export const positionIn = (waitingKeys: string[], waitKey: string): number => waitingKeys.filter((k) => k <= waitKey).length;

/**
 * A batch of claims meeting a shift: the first in arrival order take the free places, the
 * others wait. Answers how many are confirmed and the 1-based places in line of those who
 * wait, among those already waiting (`waitingKeys`) and each other.
 */
export const allot = (free: number, waitingKeys: string[], batchKeys: string[]): { confirmed: number; positions: number[] } => {
  const confirmed = Math.min(Math.max(0, free), batchKeys.length);
  const joining = batchKeys.slice(confirmed);
  const positions = joining.map((key) => positionIn(waitingKeys, key) + joining.filter((k) => k < key).length + 1);
  return { confirmed, positions };
};

/** Someone on a waitlist, in the band they joined with. */
export interface Waiting { volunteerId: string; band: WaitBand }

/** One shift: who holds a place, and who waits, in the order they will be served. */
export interface ShiftBook { capacity: number; confirmed: string[]; waitlist: Waiting[] }

export type JoinOutcome = { status: 'confirmed' } | { status: 'waitlisted'; position: number } | { status: 'already' };

const rank = (band: WaitBand) => WAIT_BANDS.indexOf(band);

const holds = (book: ShiftBook, volunteerId: string) =>
  book.confirmed.includes(volunteerId) || book.waitlist.some((w) => w.volunteerId === volunteerId);

/** A newcomer goes behind everyone of their band or a better one: 1-based, as the store counts it. */
const placeInLine = (waitlist: Waiting[], band: WaitBand): number => waitlist.filter((w) => rank(w.band) <= rank(band)).length;

export const join = (book: ShiftBook, volunteerId: string, band: WaitBand = 'reliable'): { book: ShiftBook; outcome: JoinOutcome } => {
  if (holds(book, volunteerId)) return { book, outcome: { status: 'already' } };
  if (book.confirmed.length < book.capacity) {
    return { book: { ...book, confirmed: [...book.confirmed, volunteerId] }, outcome: { status: 'confirmed' } };
  }
  const at = placeInLine(book.waitlist, band);
  const waitlist = [...book.waitlist.slice(0, at), { volunteerId, band }, ...book.waitlist.slice(at)];
  return { book: { ...book, waitlist }, outcome: { status: 'waitlisted', position: at + 1 } };
};

/** Leaving frees a place only when the leaver held one; the head of the waitlist takes it. */
export const leave = (book: ShiftBook, volunteerId: string): { book: ShiftBook; promoted?: string } => {
  if (book.waitlist.some((w) => w.volunteerId === volunteerId)) {
    return { book: { ...book, waitlist: book.waitlist.filter((w) => w.volunteerId !== volunteerId) } };
  }
  if (!book.confirmed.includes(volunteerId)) return { book };
  const confirmed = book.confirmed.filter((v) => v !== volunteerId);
  const [head, ...waitlist] = book.waitlist;
  if (head === undefined) return { book: { ...book, confirmed } };
  return { book: { ...book, confirmed: [...confirmed, head.volunteerId], waitlist }, promoted: head.volunteerId };
};
