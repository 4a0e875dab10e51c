import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Interval,
  type ShiftBook,
  type WaitBand,
  type Waiting,
  WAIT_BANDS,
  findOverlap,
  headOf,
  join,
  leave,
  overlaps,
  waitKeyOf,
} from '../../src/domain/waitlist';

/**
 * The claim/waitlist/cancel model driven by random sequences: capacity holds, the waitlist
 * is first come first served within a reliability band with reliable volunteers ahead, a
 * cancellation promotes the head (the same one the store's headOf picks from the real wait
 * keys), the position answered is the store's count, and a volunteer's bookings (checked
 * with findOverlap before each join, as the store does) never overlap.
 */
const VOLUNTEERS = ['v1', 'v2', 'v3', 'v4', 'v5', 'v6', 'v7', 'v8'];
const at = (hour: number) => new Date(Date.UTC(2031, 4, 1, hour)).toISOString();

const shifts = fc.array(
  fc.record({ start: fc.integer({ min: 0, max: 20 }), length: fc.integer({ min: 1, max: 4 }), capacity: fc.integer({ min: 1, max: 3 }) }),
  { minLength: 1, maxLength: 4 },
);
const step = fc.record({ join: fc.boolean(), volunteer: fc.constantFrom(...VOLUNTEERS), shift: fc.nat(), band: fc.constantFrom(...WAIT_BANDS) });

/** Who waits for one shift, with the key the store would have given each claim, in join order. */
type Joined = Waiting & { waitKey: string };

/** The expected line: reliable volunteers in join order, then unreliable ones in join order. */
const expectedLine = (joined: Joined[]) => WAIT_BANDS.flatMap((band) => joined.filter((j) => j.band === band).map((j) => j.volunteerId));

/** The position the service answers: how many wait keys are ≤ the newcomer's (domain/waitlist.ts positionIn). */
const storePosition = (joined: Joined[], key: string) => joined.filter((j) => j.waitKey <= key).length;

describe('waitlist model (property-based)', () => {
  it('keeps capacity, banded FIFO order, promotion of the head and no overlapping bookings', () => {
    fc.assert(
      fc.property(shifts, fc.array(step, { maxLength: 60 }), (specs, steps) => {
        const times: (Interval & { shiftId: string })[] = specs.map((s, i) => ({ shiftId: `s${i}`, startsAt: at(s.start), endsAt: at(s.start + s.length) }));
        const books: ShiftBook[] = specs.map((s) => ({ capacity: s.capacity, confirmed: [], waitlist: [] }));
        const joined: Joined[][] = specs.map(() => []);
        const held = (v: string) =>
          times.filter((_, i) => books[i]!.confirmed.includes(v) || books[i]!.waitlist.some((w) => w.volunteerId === v));

        for (const [n, { join: joining, volunteer, shift, band }] of steps.entries()) {
          const i = shift % specs.length;
          const before = books[i]!;
          if (joining) {
            if (findOverlap(held(volunteer), times[i]!)) continue; // OVERLAPPING_CLAIM
            const { book, outcome } = join(before, volunteer, band);
            books[i] = book;
            if (outcome.status === 'waitlisted') {
              expect(before.confirmed.length).toBe(before.capacity);
              // Each step joins a minute later than the last: the key's time orders a band.
              const waitKey = waitKeyOf(band, new Date(Date.UTC(2031, 3, 1, 0, n)), `clm_${n}`);
              joined[i]!.push({ volunteerId: volunteer, band, waitKey });
              expect(outcome.position).toBe(storePosition(joined[i]!, waitKey));
            }
          } else {
            const { book, promoted } = leave(before, volunteer);
            books[i] = book;
            const freedPlace = before.confirmed.includes(volunteer);
            expect(promoted).toBe(freedPlace ? headOf(joined[i]!)?.volunteerId : undefined);
            joined[i] = joined[i]!.filter((j) => j.volunteerId !== volunteer && j.volunteerId !== promoted);
          }
          for (const [k, b] of books.entries()) {
            expect(b.confirmed.length).toBeLessThanOrEqual(b.capacity);
            expect(b.waitlist.length === 0 || b.confirmed.length === b.capacity).toBe(true);
            expect(b.waitlist.map((w) => w.volunteerId)).toEqual(expectedLine(joined[k]!));
            expect(b.waitlist.map((w) => w.volunteerId)).toEqual([...joined[k]!].sort((x, y) => (x.waitKey < y.waitKey ? -1 : 1)).map((j) => j.volunteerId));
            const everyone = [...b.confirmed, ...b.waitlist.map((w) => w.volunteerId)];
            expect(new Set(everyone).size).toBe(everyone.length);
          }
          for (const v of VOLUNTEERS) {
            const mine = held(v);
            for (const a of mine) for (const b of mine) if (a !== b) expect(overlaps(a, b)).toBe(false);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('serves the smallest join key first', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ minLength: 1 }), { minLength: 1 }), (keys) => {
        const head = headOf(keys.map((waitKey) => ({ waitKey })));
        expect(head?.waitKey).toBe([...keys].sort()[0]);
      }),
      { numRuns: 200 },
    );
  });

  it('puts every reliable key before every unreliable one, and orders a band by join time', () => {
    const instant = fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true });
    const claimId = fc.stringMatching(/^clm_[0-9A-Za-z]{1,26}$/);
    fc.assert(
      fc.property(instant, instant, claimId, claimId, (a, b, idA, idB) => {
        const key = (band: WaitBand, when: Date, id: string) => waitKeyOf(band, when, id);
        expect(key('reliable', a, idA) < key('unreliable', b, idB)).toBe(true);
        if (a.getTime() !== b.getTime()) {
          for (const band of WAIT_BANDS) expect(key(band, a, idA) < key(band, b, idB)).toBe(a < b);
        }
      }),
      { numRuns: 300 },
    );
  });
});
