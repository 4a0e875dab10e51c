import { describe, expect, it } from 'vitest';
import { openAccount } from '../../src/domain/accounts';
import { applyFreeze } from '../../src/domain/freezes';

describe('freezing a wallet (一票否决)', () => {
  it('sets and clears the flag under a new version', () => {
    const frozen = applyFreeze(openAccount('user:a'), 'FREEZE');
    expect(frozen).toMatchObject({ frozen: true, version: 1 });
    expect(applyFreeze(frozen as ReturnType<typeof openAccount>, 'UNFREEZE')).toMatchObject({ frozen: false, version: 2 });
  });

  it('refuses a state it is already in, and anything but a wallet', () => {
    expect(applyFreeze(openAccount('user:a'), 'UNFREEZE')).toMatchObject({ status: 409, code: 'ACCOUNT_NOT_FROZEN' });
    expect(applyFreeze({ ...openAccount('user:a'), frozen: true }, 'FREEZE')).toMatchObject({ status: 409, code: 'ACCOUNT_ALREADY_FROZEN' });
    expect(applyFreeze(openAccount('merchant:m1'), 'FREEZE')).toMatchObject({ status: 400, fields: { accountId: expect.any(String) } });
  });
});
