import { Entity, PutTransaction, QueryCommand, item, string } from 'dynamodb-toolbox';
import { table } from './table';

/**
 * Which communities an organization serves, as far as hours has learned it from the wishes
 * it was asked to verify: the communities whose wish queue its organizers read.
 */
export const ServedCommunityEntity = new Entity({
  name: 'ServedCommunity',
  table,
  schema: item({ orgId: string().key(), communityId: string().key() }),
  computeKey: ({ orgId, communityId }) => ({ pk: `SERVES#${orgId}`, sk: `COMMUNITY#${communityId}` }),
  timestamps: false,
});

/** An idempotent put, one write of the transaction that files a wish's log. */
export const servedCommunityPut = (orgId: string, communityId: string) =>
  ServedCommunityEntity.build(PutTransaction).item({ orgId, communityId });

export const communitiesServedBy = async (orgId: string): Promise<string[]> => {
  const { Items = [] } = await table
    .build(QueryCommand)
    .entities(ServedCommunityEntity)
    .query({ partition: `SERVES#${orgId}` })
    .options({ maxPages: Infinity })
    .send();
  return Items.map((c) => c.communityId);
};
