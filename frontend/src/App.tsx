import { useCallback, useEffect, useMemo, useState } from 'react';
import { type Ending, type Session, type User, loadSession, onSessionChange } from './api/session';
import { REFRESH_MARGIN_MS, refreshSession, signOut } from './auth/account';
import { expiresAt } from './auth/claims';
import { isLocalStage } from './auth/config';
import { type Lang, LANGS, type Translate, useI18n } from './i18n';
import type { TabId } from './navigation';
import { tabGroupsOf } from './tabs';
import { PUBLIC_TRANSPARENCY_PATH, TransparencyByOrganisation } from './views/admin/transparency';
import { DEV_MESSAGES_PATH, DevMessages } from './views/auth/DevMessages';
import { Login } from './views/auth/Login';
import { FirstRun, useFirstRunGate } from './views/profile/FirstRun';

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

/** Sign out on this device; the header's button. */
const SignOutButton = () => {
  const { t } = useI18n();
  return (
    <button type="button" className="btn btn-on-red" onClick={signOut} data-testid="logout">
      {t('header.logout')}
    </button>
  );
};

/** The person's title: a demo person's own, else their main role's name. */
const titleOf = (user: User, lang: Lang, t: Translate): string | undefined => {
  if (user.title) return lang === 'zh' ? user.title : (user.titleEn ?? user.title);
  return user.roles[0] ? t(`roleOne.${user.roles[0]}`) : undefined;
};

export const App = () => {
  const { t, lang } = useI18n();
  const [session, setSession] = useState<Session | null>(loadSession);
  const [ended, setEnded] = useState<Ending | null>(null);
  // The open tab: chosen in this session, else the one remembered for this person, else the first.
  const [tabId, setTabId] = useState<TabId | null>(null);

  // Signed in or out here, in another tab, by a refresh, or because the tokens were refused.
  useEffect(
    () =>
      onSessionChange((next, ending) => {
        setSession(next);
        if (!next) setTabId(null);
        setEnded(next ? null : ending);
      }),
    [],
  );

  // A new ID token shortly before this one expires, so the claims stay current while the page is
  // open (an unreachable pool is retried by the next call). Never sooner than 10 s: no tight loop.
  const idToken = session?.idToken;
  useEffect(() => {
    if (!idToken) return;
    const id = setTimeout(() => void refreshSession().catch(() => undefined), Math.max(10_000, expiresAt(idToken) - Date.now() - REFRESH_MARGIN_MS));
    return () => clearTimeout(id);
  }, [idToken]);

  const user = session?.user;
  const gate = useFirstRunGate(user?.userId);
  const groups = useMemo(() => (user ? tabGroupsOf(user) : []), [user]);
  const tabs = useMemo(() => groups.flatMap((g) => g.tabs), [groups]);
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
  const title = user ? titleOf(user, lang, t) : undefined;
  const devBox = isLocalStage && window.location.pathname === DEV_MESSAGES_PATH;
  // Pages anyone may open without signing in; they show no tabs.
  const publicFigures = window.location.pathname === PUBLIC_TRANSPARENCY_PATH;

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
                <SignOutButton />
              </div>
            ) : null}
          </div>
        </div>
        {user && gate.passed && !devBox && !publicFigures ? (
          <nav className="tabs" aria-label={t('nav.label')}>
            <div className="tabs-inner" role="tablist">
              {groups.map((group) => (
                <div className="tab-group" key={group.key}>
                  {group.label ? <span className="tab-group-label">{t(group.label)}</span> : null}
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
        {devBox ? (
          <DevMessages />
        ) : publicFigures ? (
          <TransparencyByOrganisation open />
        ) : !user ? (
          <Login ended={ended} />
        ) : !gate.passed ? (
          <FirstRun gate={gate} user={user} />
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
