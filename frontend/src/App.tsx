import { useCallback, useEffect, useMemo, useState } from 'react';
import { setUnauthorizedHandler } from './api/client';
import { type Session, clearSession, loadSession, saveSession } from './api/session';
import { LANGS, useI18n } from './i18n';
import type { TabId } from './navigation';
import { tabGroupsOf } from './tabs';
import { Login } from './views/Login';

const tabStorageKey = (userId: string) => `lianxin.tab.${userId}`;

const LanguageSwitch = () => {
  const { lang, setLang, t } = useI18n();
  return (
    <div className="lang-switch" role="group" aria-label={t('lang.switch')}>
      {LANGS.map((l) => (
        <button
          key={l}
          type="button"
          className={l === lang ? 'active' : undefined}
          aria-pressed={l === lang}
          onClick={() => setLang(l)}
          data-testid={`lang-${l}`}
          lang={l === 'zh' ? 'zh-CN' : 'en'}
        >
          {l === 'zh' ? '中文' : 'English'}
        </button>
      ))}
    </div>
  );
};

const Brand = () => {
  const { t } = useI18n();
  return (
    <div className="brand">
      <span className="brand-mark" aria-hidden>
        <svg viewBox="0 0 32 32" width="30" height="30">
          <rect width="32" height="32" rx="8" fill="#fff" />
          <path d="M16 24s-8-4.6-8-10.2A4.4 4.4 0 0 1 16 11a4.4 4.4 0 0 1 8 2.8C24 19.4 16 24 16 24z" fill="#c8102e" />
        </svg>
      </span>
      <span className="brand-text">
        <span className="brand-name">{t('app.name')}</span>
        <span className="brand-tagline">{t('app.tagline')}</span>
      </span>
    </div>
  );
};

export const App = () => {
  const { t, lang } = useI18n();
  const [session, setSession] = useState<Session | null>(loadSession);
  const [expired, setExpired] = useState(false);

  const logout = useCallback(() => {
    clearSession();
    setSession(null);
    setTabId(null);
  }, []);

  useEffect(() => {
    setUnauthorizedHandler(() => {
      clearSession();
      setSession(null);
      setTabId(null);
      setExpired(true);
    });
    return () => setUnauthorizedHandler(null);
  }, []);

  const onLogin = useCallback((next: Session) => {
    saveSession(next);
    setExpired(false);
    setTabId(null);
    setSession(next);
  }, []);

  const user = session?.user;
  const groups = useMemo(() => (user ? tabGroupsOf(user) : []), [user]);
  const tabs = useMemo(() => groups.flatMap((g) => g.tabs), [groups]);

  // The open tab: chosen in this session, else the one remembered for this person, else the first.
  const [tabId, setTabId] = useState<TabId | null>(null);
  const saved = user ? sessionStorage.getItem(tabStorageKey(user.userId)) : null;

  const go = useCallback(
    (id: TabId) => {
      setTabId(id);
      if (user) sessionStorage.setItem(tabStorageKey(user.userId), id);
      window.scrollTo({ top: 0 });
    },
    [user],
  );

  const current = tabs.find((tab) => tab.id === tabId) ?? tabs.find((tab) => tab.id === saved) ?? tabs[0];
  const title = user ? (lang === 'zh' ? user.title : (user.titleEn ?? user.title)) : undefined;

  return (
    <div className="app">
      <header className="topbar">
        <div className="topbar-inner">
          <Brand />
          <div className="topbar-right">
            <LanguageSwitch />
            {user ? (
              <div className="who">
                <span className="who-text" data-testid="current-user" data-user-id={user.userId} title={t('header.signedInAs')}>
                  <span className="who-name">{user.name}</span>
                  {title ? <span className="who-title">{title}</span> : null}
                </span>
                <button type="button" className="btn btn-on-red" onClick={logout} data-testid="logout">
                  {t('header.logout')}
                </button>
              </div>
            ) : null}
          </div>
        </div>
        {user && tabs.length ? (
          <nav className="tabs" aria-label={t('nav.label')}>
            <div className="tabs-inner" role="tablist">
              {groups.map((group) => (
                <div className="tab-group" key={group.role}>
                  {groups.length > 1 ? <span className="tab-group-label">{t(`roleOne.${group.role}`)}</span> : null}
                  {group.tabs.map((tab) => (
                    <button
                      key={tab.id}
                      type="button"
                      role="tab"
                      aria-selected={tab.id === current?.id}
                      className={`tab${tab.id === current?.id ? ' tab-active' : ''}`}
                      onClick={() => go(tab.id)}
                      data-testid={`tab-${tab.id}`}
                    >
                      {t(tab.label)}
                    </button>
                  ))}
                </div>
              ))}
            </div>
          </nav>
        ) : null}
      </header>

      <main className="main">
        {!user ? (
          <Login onLogin={onLogin} expired={expired} />
        ) : current ? (
          <div role="tabpanel" key={`${user.userId}:${current.id}`} data-testid={`view-${current.id}`}>
            {current.render({ user, go })}
          </div>
        ) : null}
      </main>

      <footer className="footer">
        <span>{t('app.footer')}</span>
        <span className="muted">{t('common.timezone')}</span>
      </footer>
    </div>
  );
};
