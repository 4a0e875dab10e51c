import { type ReactNode, createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { activitiesMessages } from './messages/activities';
import { appMessages } from './messages/app';
import { authMessages } from './messages/auth';
import { errorsMessages } from './messages/errors';
import { hoursMessages } from './messages/hours';
import { peopleMessages } from './messages/people';
import { type Lang, LANGS } from './messages/lang';
import { pointsMessages } from './messages/points';
import { publishMessages } from './messages/publish';
import { rewardsMessages } from './messages/rewards';
import { wishesMessages } from './messages/wishes';

export { type Lang, LANGS };

/** Every user-facing string, zh-CN (the default) and en, one messages file per area. */
const dict = {
  ...appMessages,
  ...authMessages,
  ...peopleMessages,
  ...activitiesMessages,
  ...publishMessages,
  ...wishesMessages,
  ...hoursMessages,
  ...pointsMessages,
  ...rewardsMessages,
  ...errorsMessages,
};

export type MessageKey = keyof typeof dict;
export type Vars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: Vars) => string;

export const isMessageKey = (key: string): key is MessageKey => Object.hasOwn(dict, key);

const interpolate = (text: string, vars?: Vars) =>
  vars ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m)) : text;

export const translate = (lang: Lang, key: MessageKey, vars?: Vars): string => interpolate(dict[key][lang], vars);

const LANG_KEY = 'lianxin.lang';

const initialLang = (): Lang => {
  try {
    const saved = localStorage.getItem(LANG_KEY);
    if (saved === 'zh' || saved === 'en') return saved;
  } catch {
    /* storage unavailable: default */
  }
  return 'zh';
};

interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: Translate;
  /** BCP 47 tag for Intl formatting. */
  locale: string;
}

const I18nContext = createContext<I18n | null>(null);

export const I18nProvider = ({ children }: { children: ReactNode }) => {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      localStorage.setItem(LANG_KEY, next);
    } catch {
      /* not persisted */
    }
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = lang === 'zh' ? '连心 · 社区志愿服务' : 'Lianxin · Community volunteering';
  }, [lang]);
  const value = useMemo<I18n>(
    () => ({ lang, setLang, t: (key, vars) => translate(lang, key, vars), locale: lang === 'zh' ? 'zh-CN' : 'en-GB' }),
    [lang, setLang],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
};

export const useI18n = (): I18n => {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
};
