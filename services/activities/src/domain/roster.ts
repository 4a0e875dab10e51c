import type { Claim } from './claim';

/** The organizer's list of a shift: who holds a place, then who waits, in line order. No contact details. */
export interface RosterEntry { claimId: string; volunteerId: string; volunteerName: string; status: 'confirmed' | 'waitlisted'; position?: number; claimedAt: string }

const byWaitKey = (a: Claim, b: Claim) => ((a.waitKey ?? a.createdAt) < (b.waitKey ?? b.createdAt) ? -1 : 1);

export const rosterOf = (claims: Claim[]): RosterEntry[] => {
  const entry = (c: Claim) => ({ claimId: c.claimId, volunteerId: c.volunteerId, volunteerName: c.volunteerName ?? '', claimedAt: c.createdAt });
  const confirmed = claims.filter((c) => c.status === 'confirmed').sort(byWaitKey).map((c) => ({ ...entry(c), status: 'confirmed' as const }));
  const waiting = claims.filter((c) => c.status === 'waitlisted').sort(byWaitKey).map((c, i) => ({ ...entry(c), status: 'waitlisted' as const, position: i + 1 }));
  return [...confirmed, ...waiting];
};

/** A cell a spreadsheet would run as a formula (OWASP's CSV injection list) is kept as text. */
const FORMULA_START = /^[=+\-@\t\r]/;

const csvField = (value: string | number | undefined) => {
  const raw = value === undefined ? '' : String(value);
  const text = FORMULA_START.test(raw) ? `'${raw}` : raw;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** UTF-8 with a byte-order mark, so Excel opens the Chinese names correctly; CRLF rows. */
export const rosterCsv = (entries: RosterEntry[]): string =>
  '\uFEFF' +
  [['claimId', 'volunteerName', 'status', 'position', 'claimedAt'], ...entries.map((e) => [e.claimId, e.volunteerName, e.status, e.position, e.claimedAt])]
    .map((row) => row.map(csvField).join(','))
    .join('\r\n') +
  '\r\n';
