// What every component may read: the signed-in user, the API, the locale with its translator and
// formatters, the organisation's time zone, and navigation. Provided once by App.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { User } from '../../../shared/schemas/auth.ts';
import type { Api } from '../api/endpoints.ts';
import type { Translate } from '../i18n/t.ts';
import type { Locale } from '../models/format.ts';

export interface AppContext {
  user: User;
  api: Api;
  locale: Locale;
  t: Translate;
  /** Goes to a path (with query) inside the dashboard without reloading. */
  navigate(href: string, options?: { replace?: boolean }): void;
  /** The current query string of the page. */
  query: URLSearchParams;
  /** The clock: epoch milliseconds. */
  now(): number;
  /** The organisation's time zone (STUDYTRAIL_TZ, from the policy): every day and time shown is in it. */
  timeZone: string;
  /** Today's date (YYYY-MM-DD) in the organisation's zone: the anchor of "this month", "this year". */
  today(): string;
}

export const Ctx = createContext<AppContext | null>(null);

/** Language only: available before sign-in too, for the loading and error states. */
export const I18nCtx = createContext<{ locale: Locale; t: Translate } | null>(null);

export function useI18n(): { locale: Locale; t: Translate } {
  const ctx = useContext(I18nCtx);
  if (ctx === null) throw new Error('useI18n outside <I18nCtx.Provider>');
  return ctx;
}

export function useApp(): AppContext {
  const ctx = useContext(Ctx);
  if (ctx === null) throw new Error('useApp outside <Ctx.Provider>');
  return ctx;
}
