import { permits } from '@lianxin/shared/auth/policy';
import type { Principal } from '@lianxin/shared/auth/principal';
import { type Grant, parseScope } from '../../domain/grants';
import { grantsOf } from '../../store/grants';

/** A person's grants, active and revoked, newest first: an admin sees all, a merchant those of their own shops. */
export const listGrants = async (input: { viewer: Principal; personId: string }): Promise<Grant[]> => {
  const { viewer, personId } = input;
  const grants = await grantsOf(personId);
  return grants.filter((g) => {
    const { kind, id } = parseScope(g.scope);
    return permits(viewer, 'grant.list', { [kind]: id });
  });
};
