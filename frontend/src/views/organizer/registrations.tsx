import { useState } from 'react';
import { type DualRegistrationItem, type DualStatus, confirmDualRegistration, dualRegistrations, places, rejectDualRegistration } from '../../api/people';
import { formatDateTime } from '../../format';
import { useI18n } from '../../i18n';
import { Empty, ErrorNotice, Loading, Notice, RefreshButton, Section } from '../../ui/components';
import { ActionButton, FormWithSubmit, TextField } from '../../ui/forms';
import { useResource } from '../../ui/hooks';
import { nameIn } from '../profile/places';

const STATUSES: DualStatus[] = ['pending', 'confirmed', 'rejected'];

const Decide = ({ item, onDone }: { item: DualRegistrationItem; onDone: (text: string) => void }) => {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const name = item.realName ?? item.displayName;
  return (
    <div className="pending-forms">
      <ActionButton
        label={t('registrations.confirm')}
        testid={`registration-confirm-${item.personId}`}
        work={() => confirmDualRegistration(item.personId)}
        onDone={() => onDone(t('registrations.confirmed', { name }))}
      />
      <FormWithSubmit
        testid={`registration-reject-${item.personId}`}
        check={() => (reason.trim().length >= 2 && reason.trim().length <= 200 ? null : t('registrations.reasonInvalid'))}
        fields={<TextField label={t('registrations.reason')} value={reason} onChange={setReason} testid={`registration-reason-${item.personId}`} grow />}
        submit={{ label: t('registrations.reject'), danger: true, work: async () => (await rejectDualRegistration(item.personId, reason.trim()), onDone(t('registrations.rejected', { name }))) }}
      />
    </div>
  );
};

/**
 * 双报到审核: the in-service party members who registered with the communities one's
 * organisations serve (an admin: every community). Pending ones are confirmed, or rejected
 * with a reason the member sees.
 */
export const Registrations = () => {
  const { t, lang, locale } = useI18n();
  const [status, setStatus] = useState<DualStatus>('pending');
  const list = useResource((signal) => dualRegistrations(status, signal), [status]);
  const directory = useResource((signal) => places(signal), []);
  const [message, setMessage] = useState<string | null>(null);
  const items = list.data?.items ?? [];

  return (
    <Section title={t('registrations.title')} subtitle={t('registrations.subtitle')} actions={<RefreshButton onClick={list.reload} loading={list.loading} testid="registrations-refresh" />} testid="registrations">
      <div className="filter" role="tablist">
        {STATUSES.map((s) => (
          <button key={s} type="button" role="tab" aria-selected={s === status} className={`chip${s === status ? ' chip-active' : ''}`} onClick={() => setStatus(s)} data-testid={`registrations-${s}`}>
            {t(`dualStatus.${s}`)}
          </button>
        ))}
      </div>
      {message ? <Notice tone="success" testid="registration-message">{message}</Notice> : null}
      <ErrorNotice error={list.error} />
      {list.loading && !list.data ? <Loading /> : null}
      {list.data && !items.length ? <Empty>{t('registrations.empty')}</Empty> : null}
      <ul className="cards">
        {items.map((item) => (
          <li key={item.personId} className="card" data-testid={`registration-${item.personId}`} data-status={item.status}>
            <div className="activity-head">
              <h3 className="activity-title">
                {item.displayName}
                {item.realName ? <span className="muted small"> · {item.realName}</span> : null}
              </h3>
              <span className="muted small">{nameIn(lang, directory.data?.communities.find((c) => c.communityId === item.communityId), item.communityId)}</span>
            </div>
            <dl className="facts">
              <div>
                <dt>{t('dual.workUnit')}</dt>
                <dd>{item.workUnit}</dd>
              </div>
              <div>
                <dt>{t('dual.partyBranch')}</dt>
                <dd>{item.partyBranch}</dd>
              </div>
              <div>
                <dt>{t('dual.submittedAt')}</dt>
                <dd>{formatDateTime(item.submittedAt, locale)}</dd>
              </div>
            </dl>
            {item.reason ? <p className="small danger-text">{t('dual.rejectedBecause', { reason: item.reason })}</p> : null}
            {item.status === 'pending' ? <Decide item={item} onDone={(text) => (setMessage(text), list.reload())} /> : null}
          </li>
        ))}
      </ul>
    </Section>
  );
};
