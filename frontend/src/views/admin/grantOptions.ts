import type { GrantedRole, Merchant, Organization } from '../../api/people';
import { type User, scopeIds } from '../../api/session';
import type { Lang, Translate } from '../../i18n';
import { nameIn } from '../profile/places';

export interface Directory {
  organizations: Organization[];
  merchants: Merchant[];
}

/** A scope in words: the organisation's or shop's name, or the alliance's id. */
export const scopeLabel = (scope: string, directory: Directory | undefined, lang: Lang, t: Translate): string => {
  const [kind, id = ''] = scope.split(':', 2) as [string, string?];
  if (kind === 'org') return nameIn(lang, directory?.organizations.find((o) => o.orgId === id), id);
  if (kind === 'merchant') return nameIn(lang, directory?.merchants.find((m) => m.merchantId === id), id);
  if (kind === 'alliance') return t('grants.alliance', { id });
  return scope;
};

export interface GrantOption {
  role: GrantedRole;
  scope: string;
}

/**
 * What the signed-in person may grant (the people service decides again): an admin, an
 * organizer of an organisation whose scope they hold, a merchant of a shop in their
 * alliance, an admin of their alliance; a merchant, another operator of their own shop.
 */
export const grantOptions = (user: User, directory: Directory): GrantOption[] => {
  const options: GrantOption[] = [];
  if (user.roles.includes('admin')) {
    const alliances = scopeIds(user, 'alliance');
    for (const id of scopeIds(user, 'org')) options.push({ role: 'organizer', scope: `org:${id}` });
    for (const m of directory.merchants) if (alliances.includes(m.allianceId)) options.push({ role: 'merchant', scope: `merchant:${m.merchantId}` });
    for (const id of alliances) options.push({ role: 'admin', scope: `alliance:${id}` });
  }
  if (user.roles.includes('merchant')) {
    for (const id of scopeIds(user, 'merchant')) options.push({ role: 'merchant', scope: `merchant:${id}` });
  }
  return options.filter((o, i) => options.findIndex((x) => x.role === o.role && x.scope === o.scope) === i);
};
