import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { Principal, Tag } from '@lianxin/shared/auth/principal';
import { documentClient } from '@lianxin/shared/db/client';
import type { Envelope } from '@lianxin/shared/events/envelope';
import { newId } from '@lianxin/shared/ids';
import { person } from '@lianxin/shared/testing';
import { saveGrid, saveOrganization } from '../src/store/directory';

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

export const volunteer = (...tags: Tag[]): Principal => person({ roles: ['volunteer'], tags });

const HOUR = 3_600_000;
export const hoursFromNow = (hours: number) => new Date(Date.now() + hours * HOUR).toISOString();

/** A valid `POST /activities` body in the given grid. */
export const activityBody = (gridId: string, overrides: Record<string, unknown> = {}) => ({
  title: '湖滨环境清洁日',
  description: '清理湖滨步道垃圾。',
  category: '环境',
  gridId,
  address: '湖滨路步道入口',
  location: { lat: 29.7071, lng: 115.9869 },
  pointsPerHour: 10,
  audience: 'everyone',
  skills: [],
  shifts: [{ startsAt: hoursFromNow(24), endsAt: hoursFromNow(26), capacity: 5 }],
  ...overrides,
});

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
