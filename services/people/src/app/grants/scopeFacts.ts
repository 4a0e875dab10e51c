import { type ScopeFacts, parseScope } from '../../domain/grants';
import { allianceExists, findMerchant, findOrganization } from '../../store/directory';

/** What the directory knows of a scope: its organization, its shop (and the shop's alliance), or that the alliance exists. */
export const scopeFacts = async (scope: string): Promise<ScopeFacts> => {
  const { kind, id } = parseScope(scope);
  if (kind === 'org') {
    const organization = await findOrganization(id);
    return organization ? { organization } : {};
  }
  if (kind === 'merchant') {
    const merchant = await findMerchant(id);
    return merchant ? { merchant } : {};
  }
  return kind === 'alliance' ? { allianceExists: await allianceExists(id) } : {};
};
