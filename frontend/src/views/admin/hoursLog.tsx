import { type HoursAdminLogEntry, hoursAdminLogPage } from '../../api/hours';
import { LogSection } from './logSection';

/** The hours service's append-only log: every verification and rejection, by whom, with what credit. */
export const HoursLog = () => (
  <LogSection<HoursAdminLogEntry>
    title="hoursLog.title"
    subtitle="hoursLog.subtitle"
    testid="hours-log"
    page={hoursAdminLogPage}
    columns={[
      { header: 'adminLog.action', cell: (e, t) => t(e.action === 'hours.verify' ? 'hoursLog.verify' : 'hoursLog.reject') },
      { header: 'hoursLog.volunteer', cell: (e) => e.volunteerId },
      { header: 'hoursLog.org', cell: (e) => e.orgId },
      { header: 'adminLog.change', cell: (e, t) => t('hoursLog.change', { before: String(e.before.minutes), after: String(e.after.minutes), bonus: String(e.after.bonusPoints) }) },
      { header: 'adminLog.reason', cell: (e) => e.note ?? e.reason ?? '' },
    ]}
  />
);
