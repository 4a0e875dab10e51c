import { type AdminLogEntry, adminLogPage } from '../../api/points';
import { type Translate, isMessageKey } from '../../i18n';
import { LogSection } from './logSection';

/** Before → after in words: the policy's versions, or the account's available points and frozen flag. */
const changeOf = (e: AdminLogEntry, t: Translate): string => {
  if (e.action === 'POLICY_CHANGE') return t('adminLog.policy', { before: String(e.before.version), after: String(e.after.version) });
  const state = (s: Record<string, unknown>) => `${String(s.available)}${s.frozen ? ` (${t('adminLog.frozen')})` : ''}`;
  return t('adminLog.balance', { before: state(e.before), after: state(e.after) });
};

/** The ledger's append-only admin log: awards, deductions, budgets, freezes, policy changes. */
export const AdminLog = () => (
  <LogSection<AdminLogEntry>
    title="adminLog.title"
    subtitle="adminLog.subtitle"
    testid="admin-log"
    page={adminLogPage}
    columns={[
      { header: 'adminLog.action', cell: (e, t) => { const key = `adminAction.${e.action}`; return isMessageKey(key) ? t(key) : e.action; } },
      { header: 'adminLog.target', cell: (e) => e.target },
      { header: 'adminLog.change', cell: changeOf },
      { header: 'adminLog.reason', cell: (e) => e.reason ?? '' },
    ]}
  />
);
