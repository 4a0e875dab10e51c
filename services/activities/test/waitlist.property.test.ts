import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Interval, type ShiftBook, findOverlap, headOf, join, leave, overlaps } from '../src/domain/waitlist';

/**
 * The claim/waitlist/cancel model driven by random sequences: capacity holds, the waitlist
 * is first come first served, a cancellation promotes the head, and a volunteer's bookings
 * (checked with findOverlap before each join, as the store does) never overlap.
 */
const VOLUNTEERS = ['v1', 'v2', 'v3', 'v4', 'v5', 'v6', 'v7', 'v8'];
const at = (hour: number) => new Date(Date.UTC(2031, 4, 1, hour)).toISOString();

const shifts = fc.array(
  fc.record({ start: fc.integer({ min: 0, max: 20 }), length: fc.integer({ min: 1, max: 4 }), capacity: fc.integer({ min: 1, max: 3 }) }),
  { minLength: 1, maxLength: 4 },
);
const step = fc.record({ join: fc.boolean(), volunteer: fc.constantFrom(...VOLUNTEERS), shift: fc.nat() });

describe('waitlist model (property-based)', () => {
  it('keeps capacity, FIFO order, promotion of the head and no overlapping bookings', () => {
    fc.assert(
      fc.property(shifts, fc.array(step, { maxLength: 60 }), (specs, steps) => {
        const times: (Interval & { shiftId: string })[] = specs.map((s, i) => ({ shiftId: `s${i}`, startsAt: at(s.start), endsAt: at(s.start + s.length) }));
        const books: ShiftBook[] = specs.map((s) => ({ capacity: s.capacity, confirmed: [], waitlist: [] }));
        const joinOrder: string[][] = specs.map(() => []);
        const held = (v: string) => times.filter((_, i) => books[i]!.confirmed.includes(v) || books[i]!.waitlist.includes(v));

        for (const { join: joining, volunteer, shift } of steps) {
          const i = shift % specs.length;
          const before = books[i]!;
          if (joining) {
            if (findOverlap(held(volunteer), times[i]!)) continue; // OVERLAPPING_CLAIM
            const { book, outcome } = join(before, volunteer);
            books[i] = book;
            if (outcome.status === 'waitlisted') {
              expect(before.confirmed.length).toBe(before.capacity);
              expect(outcome.position).toBe(book.waitlist.length);
              joinOrder[i]!.push(volunteer);
            }
          } else {
            const { book, promoted } = leave(before, volunteer);
            books[i] = book;
            const freedPlace = before.confirmed.includes(volunteer);
            expect(promoted).toBe(freedPlace ? before.waitlist[0] : undefined);
            joinOrder[i] = joinOrder[i]!.filter((v) => v !== volunteer && v !== promoted);
          }
          for (const [k, b] of books.entries()) {
            expect(b.confirmed.length).toBeLessThanOrEqual(b.capacity);
            expect(b.waitlist.length === 0 || b.confirmed.length === b.capacity).toBe(true);
            expect(b.waitlist).toEqual(joinOrder[k]);
            expect(new Set([...b.confirmed, ...b.waitlist]).size).toBe(b.confirmed.length + b.waitlist.length);
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
});
