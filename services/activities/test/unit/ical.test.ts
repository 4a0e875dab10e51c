import { describe, expect, it } from 'vitest';
import { calendar, escapeText, foldLine } from '../../src/domain/ical';

describe('iCalendar', () => {
  it('escapes text and folds long lines at 75 octets without splitting a character', () => {
    expect(escapeText('a;b,c\\d\ne')).toBe('a\\;b\\,c\\\\d\\ne');
    const folded = foldLine(`SUMMARY:${'湖滨环境清洁日'.repeat(10)}`);
    const lines = folded.split('\r\n');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.every((l) => Buffer.byteLength(l, 'utf8') <= 75)).toBe(true);
    expect(lines.slice(1).every((l) => l.startsWith(' '))).toBe(true);
    expect(lines.map((l, i) => (i ? l.slice(1) : l)).join('')).toBe(`SUMMARY:${'湖滨环境清洁日'.repeat(10)}`);
    expect(calendar('x', [])).toBe('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Lianxin//Activities//ZH\r\nCALSCALE:GREGORIAN\r\nX-WR-CALNAME:x\r\nEND:VCALENDAR\r\n');
  });
});
