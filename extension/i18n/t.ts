// The one way UI code gets a user-visible string: typed message keys from the default locale (zh_CN),
// looked up by the browser in the person's language (public/_locales/*/messages.json).
import { browser } from 'wxt/browser';

type Messages = typeof import('../public/_locales/zh_CN/messages.json');
export type MessageKey = keyof Messages;

/** The message in the browser's language; substitutions fill its placeholders in order ($1, $2, ...). */
export function t(key: MessageKey, ...substitutions: string[]): string {
  // An empty string means the key is unknown to the browser: show the key rather than nothing.
  return browser.i18n.getMessage(key, substitutions) || key;
}
