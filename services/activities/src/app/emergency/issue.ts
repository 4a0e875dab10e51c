import { authorize } from '@lianxin/shared/auth/policy';
import { type Principal, scopeIds } from '@lianxin/shared/auth/principal';
import { newId } from '@lianxin/shared/ids';
import type { OrganizationEntry } from '../../domain/directory';
import { type EmergencyCall, type IssueCallInput, issuingOrganization, planCall } from '../../domain/emergency/call';
import { emergencyCallIssued } from '../../events/publish';
import { findGrid, findOrganization } from '../../store/directory';
import { saveCall } from '../../store/emergency';

/** An organizer mobilises the volunteers of grids their organization serves: the call starts at grid level. */
export const issueCall = async (input: IssueCallInput, organizer: Principal, now: Date): Promise<EmergencyCall> => {
  const orgs = (await Promise.all(scopeIds(organizer, 'org').map(findOrganization))).filter((o): o is OrganizationEntry => o !== undefined);
  const orgId = issuingOrganization(organizer, orgs, input.gridIds, input.orgId);
  authorize(organizer, 'emergency.issue', { org: orgId });
  const grids = await Promise.all(input.gridIds.map(findGrid));
  const call = planCall({ callId: newId('ecl', now.getTime()), orgId, input, grids, issuedBy: organizer.userId }, now);
  await saveCall(call, emergencyCallIssued(call, now));
  return call;
};
