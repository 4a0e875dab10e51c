import { useState } from 'react';
import { ApiError } from '../api/errors';
import { type DevUser, type Role, type Session, devLogin, devUsers } from '../api/session';
import { isMessageKey, useI18n } from '../i18n';
import { Badge, Empty, ErrorNotice, Loading } from '../ui/components';
import { useAction, useResource } from '../ui/hooks';

const GROUPS: Role[] = ['volunteer', 'organizer', 'merchant', 'admin'];

/** Local stage: pick a demo person; each appears once, under their main (first) role. */
export const Login = ({ onLogin, expired }: { onLogin: (session: Session) => void; expired: boolean }) => {
  const { t, lang } = useI18n();
  const users = useResource((signal) => devUsers(signal), []);
  const action = useAction();
  const [pending, setPending] = useState<string | null>(null);

  const login = (user: DevUser) => {
    setPending(user.userId);
    void action
      .run(async () => {
        const { token, user: principal } = await devLogin(user.userId);
        onLogin({ token, user: { ...user, ...principal, title: user.title, titleEn: user.titleEn } });
      })
      .finally(() => setPending(null));
  };

  const items = users.data?.items ?? [];
  const grouped = GROUPS.map((role) => ({ role, people: items.filter((u) => u.roles[0] === role) })).filter((g) => g.people.length);

  return (
    <div className="login">
      <div className="login-intro">
        <h1>{t('login.title')}</h1>
        <p className="muted">{t('login.hint')}</p>
      </div>
      {expired ? <ErrorNotice error={new ApiError(401, 'UNAUTHORIZED', '')} testid="session-expired" /> : null}
      <ErrorNotice error={users.error ?? action.error} />
      {users.loading && !users.data ? <Loading /> : null}
      {users.data && !items.length ? <Empty>{t('login.empty')}</Empty> : null}
      {grouped.map(({ role, people }) => (
        <section key={role} className="login-group" data-testid={`login-group-${role}`}>
          <h2>{t(`role.${role}`)}</h2>
          <div className="login-grid">
            {people.map((person) => (
              <button
                key={person.userId}
                type="button"
                className="person"
                onClick={() => login(person)}
                disabled={action.busy}
                data-testid={`login-${person.userId}`}
              >
                <span className="avatar" aria-hidden>
                  {person.name.slice(0, 1)}
                </span>
                <span className="person-text">
                  <span className="person-name">{person.name}</span>
                  <span className="person-title">{lang === 'zh' ? person.title : person.titleEn}</span>
                  <span className="person-tags">
                    {person.roles.length > 1
                      ? person.roles.slice(1).map((r) => (
                          <Badge key={r} tone="info">
                            {t(`roleOne.${r}`)}
                          </Badge>
                        ))
                      : null}
                    {person.tags.map((tag) => {
                      const key = `tag.${tag}`;
                      return isMessageKey(key) ? (
                        <Badge key={tag} tone="neutral">
                          {t(key)}
                        </Badge>
                      ) : null;
                    })}
                  </span>
                </span>
                {pending === person.userId ? <span className="person-pending">{t('login.signingIn')}</span> : null}
              </button>
            ))}
          </div>
        </section>
      ))}
    </div>
  );
};
