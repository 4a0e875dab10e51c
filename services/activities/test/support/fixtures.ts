import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '@lianxin/shared/db/client';
import type { Envelope } from '@lianxin/shared/events/envelope';
import { newId } from '@lianxin/shared/ids';
import { person } from '@lianxin/shared/testing';
import { saveGrid, saveOrganization } from '../../src/store/directory';

export { activityBody, hoursFromNow, volunteer } from './bodies';

/** Tables are shared by every test: each test gets its own street, community, grids and organizations. */
export const freshDistrict = async () => {
  const tag = newId('t').slice(-10).toLowerCase();
  const streetId = `s-${tag}`;
  const communityId = `c-${tag}`;
  const grid = { gridId: `g-${tag}-1`, communityId, streetId, center: { lat: 29.7071, lng: 115.9869 } };
  const otherGrid = { gridId: `g-${tag}-2`, communityId, streetId, center: { lat: 29.7092, lng: 115.9886 } };
  const org = { orgId: `org-${tag}-a`, gridIds: [grid.gridId] };
  const otherOrg = { orgId: `org-${tag}-b`, gridIds: [otherGrid.gridId] };
  await Promise.all([saveGrid(grid), saveGrid(otherGrid), saveOrganization(org), saveOrganization(otherOrg)]);
  const organizer = person({ roles: ['organizer'], scopes: [`org:${org.orgId}`] });
  return { tag, streetId, communityId, grid, otherGrid, org, otherOrg, organizer };
};

/** Outbox events of one type whose data match `where` (a test may scan; the service never does). */
export const outboxEvents = async (detailType: string, where: (data: Record<string, unknown>) => boolean): Promise<Envelope[]> => {
  const found: Envelope[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await documentClient().send(
      new ScanCommand({
        TableName: process.env.ACTIVITIES_TABLE,
        FilterExpression: 'begins_with(pk, :outbox) AND detailType = :type',
        ExpressionAttributeValues: { ':outbox': 'OUTBOX#', ':type': detailType },
        ExclusiveStartKey,
      }),
    );
    found.push(...(page.Items ?? []).map((i) => i.envelope as Envelope).filter((e) => where(e.data as Record<string, unknown>)));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return found;
};
