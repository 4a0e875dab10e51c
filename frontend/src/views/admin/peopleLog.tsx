import { type PeopleAdminLogEntry, peopleAdminLogPage } from '../../api/people';
import { type Translate, isMessageKey } from '../../i18n';
import { LogSection } from './logSection';

/** A word of the log translated when the portal knows it (`roleOne.organizer`, `dualStatus.pending`…), else as logged. */
const word = (t: Translate, value: string, ...prefixes: string[]): string => {
  const key = prefixes.map((p) => `${p}.${value}`).find(isMessageKey);
  return key ? t(key) : value;
};

/** A state of the log in words: a grant's role and scope (active or not), or a status. */
const stateOf = (s: Record<string, unknown>, t: Translate): string => {
  if (typeof s.role === 'string') return `${word(t, s.role, 'roleOne')} ${String(s.scope ?? '')}${s.active === false ? ` (${t('grants.revoked')})` : ''}`;
  if (typeof s.status === 'string') return word(t, s.status, 'dualStatus', 'personStatus');
  return t('common.dash');
};

/** The people service's append-only log: grants, revocations, 双报到 decisions and closures. */
export const PeopleLog = () => (
  <LogSection<PeopleAdminLogEntry>
    title="peopleLog.title"
    subtitle="peopleLog.subtitle"
    testid="people-log"
    page={peopleAdminLogPage}
    columns={[
      { header: 'adminLog.action', cell: (e, t) => t(`peopleAction.${e.action}`) },
      { header: 'peopleLog.person', cell: (e) => e.personId },
      { header: 'adminLog.change', cell: (e, t) => `${stateOf(e.before, t)} → ${stateOf(e.after, t)}` },
      { header: 'adminLog.reason', cell: (e) => e.reason ?? '' },
    ]}
  />
);
