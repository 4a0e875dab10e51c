import { Entity, GetItemCommand, PutTransaction, item, number, string } from 'dynamodb-toolbox';
import type { PolicyLimits } from '../domain/policyLimits';
import { table } from './table';

const EARNING = 'EARNING';

/** The earning policy's limits as the ledger last published them: one item, the newest version seen. */
export const PolicyLimitsEntity = new Entity({
  name: 'PolicyLimits',
  table,
  schema: item({ policy: string().key(), version: number(), maxOrganizerBonus: number() }),
  computeKey: ({ policy }) => ({ pk: 'POLICY', sk: policy }),
  timestamps: false,
});

export const findPolicyLimits = async (): Promise<PolicyLimits | undefined> => {
  const { Item } = await PolicyLimitsEntity.build(GetItemCommand).key({ policy: EARNING }).send();
  return Item ? { version: Item.version, maxOrganizerBonus: Item.maxOrganizerBonus } : undefined;
};

/**
 * Store newer limits, one write of the consumer's transaction; the condition keeps an older
 * version from overwriting a newer one stored meanwhile (the transaction fails and the bus retries).
 */
export const policyLimitsPut = ({ version, maxOrganizerBonus }: PolicyLimits) =>
  PolicyLimitsEntity.build(PutTransaction)
    .item({ policy: EARNING, version, maxOrganizerBonus })
    .options({ condition: { or: [{ attr: 'version', exists: false }, { attr: 'version', lt: version }] } });
