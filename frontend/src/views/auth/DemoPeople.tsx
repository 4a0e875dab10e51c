import { useState } from 'react';
import { type DemoPerson, devUsers } from '../../api/dev';
import type { Role } from '../../api/session';
import { signIn } from '../../auth/account';
import { useI18n } from '../../i18n';
import { Badge, Empty, ErrorNotice, Loading } from '../../ui/components';
import { useAction, useResource } from '../../ui/hooks';

const GROUPS: Role[] = ['volunteer', 'organizer', 'merchant', 'admin'];

/**
 * Local stage: the demo district's people, real users of the local user pool. A click signs
 * in with the printed demo password through the same Cognito call as the form; each person
 * appears once, under their main (first) role.
 */
export const DemoPeople = () => {
  const { t, lang } = useI18n();
  const users = useResource((signal) => devUsers(signal), []);
  const action = useAction();
  const [pending, setPending] = useState<string | null>(null);
  const password = users.data?.password ?? '';

  const login = (person: DemoPerson) => {
    setPending(person.userId);
    void action.run(() => signIn(person.phone, password, { title: person.title, titleEn: person.titleEn })).finally(() => setPending(null));
  };

  const items = users.data?.items ?? [];
  const grouped = GROUPS.map((role) => ({ role, people: items.filter((u) => u.roles[0] === role) })).filter((g) => g.people.length);

  return (
    <section className="demo-people" data-testid="demo-people">
      <div className="login-intro">
        <h2>{t('demo.title')}</h2>
        {password ? <p className="muted">{t('demo.hint', { password })}</p> : null}
      </div>
      <ErrorNotice error={users.error ?? action.error} />
      {users.loading && !users.data ? <Loading /> : null}
      {users.data && !items.length ? <Empty>{t('login.empty')}</Empty> : null}
      {grouped.map(({ role, people }) => (
        <section key={role} className="login-group" data-testid={`login-group-${role}`}>
          <h2>{t(`role.${role}`)}</h2>
          <div className="login-grid">
            {people.map((person) => (
              <button key={person.userId} type="button" className="person" onClick={() => login(person)} disabled={action.busy} data-testid={`login-${person.userId}`}>
                <span className="avatar" aria-hidden>
                  {person.name.slice(0, 1)}
                </span>
                <span className="person-text">
                  <span className="person-name">{person.name}</span>
                  <span className="person-title">{lang === 'zh' ? person.title : person.titleEn}</span>
                  <span className="person-tags">
                    {person.roles.slice(1).map((r) => (
                      <Badge key={r} tone="info">
                        {t(`roleOne.${r}`)}
                      </Badge>
                    ))}
                  </span>
                </span>
                {pending === person.userId ? <span className="person-pending">{t('login.signingIn')}</span> : null}
              </button>
            ))}
          </div>
        </section>
      ))}
    </section>
  );
};
