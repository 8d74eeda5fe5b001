// The one way the dashboard gets a user-visible string: typed keys from the zh-CN catalogue (the
// default), looked up in the chosen locale, with {name} placeholders filled as plain text.
import type { Locale } from '../models/format.ts';
import { en } from './en.ts';
import { zhCN } from './zh-CN.ts';

export type MessageKey = keyof typeof zhCN;
export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

const CATALOGUES: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

export function translator(locale: Locale): Translate {
  const catalogue = CATALOGUES[locale];
  return (key, vars) => {
    const text = catalogue[key];
    return vars === undefined ? text : text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
  };
}

const LOCALE_KEY = 'studytrail.dashboard.locale';

/** The saved choice, else zh-CN: the office's language comes first whatever the browser says. */
export function savedLocale(storage: Pick<Storage, 'getItem'>): Locale {
  return storage.getItem(LOCALE_KEY) === 'en' ? 'en' : 'zh-CN';
}

export function saveLocale(storage: Pick<Storage, 'setItem'>, locale: Locale): void {
  storage.setItem(LOCALE_KEY, locale);
}
