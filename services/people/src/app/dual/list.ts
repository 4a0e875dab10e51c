import { type Principal, hasRole } from '@lianxin/shared/auth/principal';
import type { DualStatus } from '../../domain/person';
import { dualListItem } from '../../domain/view';
import { listDualRegistrations } from '../../store/people';
import { communitiesOf } from './communities';

/** 双报到 with a status: an admin sees all, an organizer those of the communities their organizations serve. Newest first. */
export const listDual = async (input: { viewer: Principal; status: DualStatus }) => {
  const { viewer, status } = input;
  const found = hasRole(viewer, 'admin')
    ? await listDualRegistrations(status)
    : await communitiesOf(viewer).then((ids) => (ids.length ? listDualRegistrations(status, ids) : []));
  return found
    .filter((p) => p.dualRegistration?.status === status)
    .map(dualListItem)
    .sort((a, b) => (a.submittedAt < b.submittedAt ? 1 : -1));
};
