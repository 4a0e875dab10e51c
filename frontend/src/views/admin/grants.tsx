import { useState } from 'react';
import { type Grant, type PersonFound, grantRole, grantsOf, lookupPerson, merchants, organizations, revokeGrant } from '../../api/people';
import { toE164 } from '../../auth/rules';
import { formatDateTime } from '../../format';
import { useI18n } from '../../i18n';
import type { ViewProps } from '../../navigation';
import { Badge, Empty, ErrorNotice, Loading, Notice, RefreshButton, Section } from '../../ui/components';
import { FormWithSubmit, SelectField, TextField } from '../../ui/forms';
import { useResource } from '../../ui/hooks';
import { type Directory, type GrantOption, grantOptions, scopeLabel } from './grantOptions';

const reasonOk = (reason: string) => reason.trim().length >= 2 && reason.trim().length <= 200;

const RevokeForm = ({ grant, onDone }: { grant: Grant; onDone: () => void }) => {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  return (
    <FormWithSubmit
      testid={`revoke-${grant.grantId}`}
      check={() => (reasonOk(reason) ? null : t('grants.reasonInvalid'))}
      fields={<TextField label={t('grants.revokeReason')} value={reason} onChange={setReason} testid={`revoke-reason-${grant.grantId}`} grow />}
      submit={{ label: t('grants.revoke'), danger: true, work: async () => (await revokeGrant(grant.grantId, reason.trim()), onDone()) }}
    />
  );
};

const GrantForm = ({ person, options, directory, onDone }: { person: PersonFound; options: GrantOption[]; directory: Directory; onDone: (grant: Grant) => void }) => {
  const { t, lang } = useI18n();
  const [choice, setChoice] = useState('');
  const [reason, setReason] = useState('');
  const chosen = options.find((o) => `${o.role}|${o.scope}` === choice);
  return (
    <div className="card form-card" data-testid="grant-form">
      <h3>{t('grants.grantTitle')}</h3>
      <FormWithSubmit
        testid="grant-submit"
        check={() => (!chosen ? t('grants.chooseRole') : !reasonOk(reason) ? t('grants.reasonInvalid') : null)}
        fields={
          <>
            <SelectField
              label={t('grants.what')}
              value={choice}
              onChange={setChoice}
              options={options.map((o) => ({ value: `${o.role}|${o.scope}`, label: `${t(`roleOne.${o.role}`)} · ${scopeLabel(o.scope, directory, lang, t)}` }))}
              placeholder={t('profile.choose')}
              testid="grant-choice"
              grow
            />
            <TextField label={t('grants.reason')} value={reason} onChange={setReason} testid="grant-reason" grow />
          </>
        }
        submit={{ label: t('grants.grant'), work: async () => (onDone(await grantRole({ personId: person.personId, role: chosen!.role, scope: chosen!.scope, reason: reason.trim() })), setReason('')) }}
      />
    </div>
  );
};

/** One person's grants, newest first: active ones may be revoked, revoked ones say when and why. */
const PersonGrants = ({ person, options, directory }: { person: PersonFound; options: GrantOption[]; directory: Directory }) => {
  const { t, lang, locale } = useI18n();
  const grants = useResource((signal) => grantsOf(person.personId, signal), [person.personId]);
  const [message, setMessage] = useState<string | null>(null);
  const items = grants.data?.items ?? [];
  return (
    <div className="subsection" data-testid="person-grants" data-person-id={person.personId}>
      <div className="person-head">
        <h3>
          {person.displayName ?? t('common.dash')} <span className="muted small">{person.phoneMasked}</span>
        </h3>
        <RefreshButton onClick={grants.reload} loading={grants.loading} testid="grants-refresh" />
      </div>
      {message ? <Notice tone="success" testid="grant-message">{message}</Notice> : null}
      <ErrorNotice error={grants.error} />
      {grants.loading && !grants.data ? <Loading /> : null}
      {grants.data && !items.length ? <Empty>{t('grants.none')}</Empty> : null}
      <ul className="cards">
        {items.map((g) => (
          <li key={g.grantId} className="card" data-testid={`grant-${g.grantId}`} data-active={!g.revokedAt}>
            <div className="activity-head">
              <h3 className="activity-title">
                {t(`roleOne.${g.role}`)} · {scopeLabel(g.scope, directory, lang, t)}
              </h3>
              <Badge tone={g.revokedAt ? 'neutral' : 'success'}>{g.revokedAt ? t('grants.revoked') : t('grants.active')}</Badge>
            </div>
            <p className="muted small">{t('grants.grantedLine', { at: formatDateTime(g.grantedAt, locale), by: g.grantedBy, reason: g.reason })}</p>
            {g.revokedAt ? (
              <p className="muted small">{t('grants.revokedLine', { at: formatDateTime(g.revokedAt, locale), by: g.revokedBy ?? '', reason: g.revokeReason ?? '' })}</p>
            ) : (
              <RevokeForm grant={g} onDone={() => (setMessage(t('grants.revokedDone')), grants.reload())} />
            )}
          </li>
        ))}
      </ul>
      {options.length ? <GrantForm person={person} options={options} directory={directory} onDone={() => (setMessage(t('grants.grantedDone')), grants.reload())} /> : null}
    </div>
  );
};

/** 授权: find a person by mobile number, see their grants, grant or revoke a role with a reason. */
export const Grants = ({ user }: ViewProps) => {
  const { t } = useI18n();
  const directory = useResource(async (signal) => {
    const [orgs, shops] = await Promise.all([organizations(signal), merchants(signal)]);
    return { organizations: orgs.items, merchants: shops.items };
  }, []);
  const [phone, setPhone] = useState('');
  const [person, setPerson] = useState<PersonFound | null>(null);
  const e164 = toE164(phone);

  return (
    <Section title={t('grants.title')} subtitle={user.roles.includes('admin') ? t('grants.subtitleAdmin') : t('grants.subtitleMerchant')} testid="grants">
      <ErrorNotice error={directory.error} />
      <div className="card form-card">
        <FormWithSubmit
          testid="lookup-submit"
          check={() => (e164 ? null : t('auth.phoneInvalid'))}
          fields={<TextField label={`${t('auth.phone')} (+86)`} value={phone} onChange={setPhone} testid="lookup-phone" inputMode="tel" maxLength={16} placeholder={t('auth.phonePlaceholder')} grow />}
          submit={{ label: t('grants.lookup'), work: async () => (setPerson(null), setPerson(await lookupPerson(e164!))) }}
        />
      </div>
      {person && directory.data ? <PersonGrants key={person.personId} person={person} options={grantOptions(user, directory.data)} directory={directory.data} /> : null}
    </Section>
  );
};
