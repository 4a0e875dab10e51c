export type Lang = 'zh' | 'en';
export const LANGS: Lang[] = ['zh', 'en'];

/**
 * Every user-facing string, both languages side by side: an entry without `zh` or `en` (or
 * a `t('key')` whose key is in no messages file) does not type-check. `{name}` marks a placeholder.
 */
export type Messages = Record<string, Record<Lang, string>>;
