import { describe, expect, it } from 'vitest';
import { newId } from '@lianxin/shared/ids';
import { issueFreshCode } from '../../src/app/issueCheckinCode';
import { currentCodeOf, findCode } from '../../src/store/codes';
import { minutesAfter, unusedCode } from '../support/fixtures';

const drawing = (...codes: string[]) => {
  const queue = [...codes];
  return () => queue.shift() ?? codes[codes.length - 1]!;
};

describe('issuing check-in codes', () => {
  it('draws again while the digits belong to another live code', async () => {
    const now = new Date();
    const [taken, free] = [await unusedCode(), await unusedCode()];
    await issueFreshCode(newId('sh'), now, drawing(taken));

    const other = newId('sh');
    const issued = await issueFreshCode(other, now, drawing(taken, free));
    expect(issued.code).toBe(free);
    expect(await currentCodeOf(other)).toBe(free);
    expect((await findCode(taken))?.shiftId).not.toBe(other);
  });

  it('reuses the digits of an expired code', async () => {
    const now = new Date();
    const digits = await unusedCode();
    await issueFreshCode(newId('sh'), now, drawing(digits));
    const other = newId('sh');
    const issued = await issueFreshCode(other, minutesAfter(now, 5), drawing(digits));
    expect(issued).toMatchObject({ code: digits, shiftId: other });
    expect((await findCode(digits))?.shiftId).toBe(other);
  });

  it('gives up with 503 when every draw is taken', async () => {
    const now = new Date();
    const digits = await unusedCode();
    await issueFreshCode(newId('sh'), now, drawing(digits));
    await expect(issueFreshCode(newId('sh'), now, drawing(digits))).rejects.toMatchObject({ status: 503, code: 'CODE_SPACE_EXHAUSTED' });
  });

  it('makes the newest code the shift current one', async () => {
    const shiftId = newId('sh');
    const first = await issueFreshCode(shiftId, new Date());
    const second = await issueFreshCode(shiftId, new Date());
    expect(await currentCodeOf(shiftId)).toBe(second.code);
    expect(await findCode(first.code)).toMatchObject({ shiftId, expiresAt: first.expiresAt });
  });
});
