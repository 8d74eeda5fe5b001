import { describe, expect, it } from 'vitest';
import { consoleLocale, consoleText, type ConsoleText } from './console-text.ts';

describe('consoleLocale', () => {
  it.each([
    [{}, 'zh-CN'],
    [{ LANG: 'C.UTF-8' }, 'zh-CN'],
    [{ LANG: 'POSIX' }, 'zh-CN'],
    [{ LANG: 'zh_CN.UTF-8' }, 'zh-CN'],
    [{ LANG: 'en_US.UTF-8' }, 'en'],
    [{ LANG: 'en' }, 'en'],
    [{ LANG: 'en_GB' }, 'en'],
    [{ LANG: 'eo.UTF-8' }, 'zh-CN'],
    [{ LANG: 'zh_CN.UTF-8', LC_MESSAGES: 'en_US.UTF-8' }, 'en'],
    [{ LC_ALL: 'zh_CN.UTF-8', LC_MESSAGES: 'en_US.UTF-8', LANG: 'en_US.UTF-8' }, 'zh-CN'],
    [{ LC_ALL: ' ', LANG: 'en_US.UTF-8' }, 'en'],
  ] as const)('%o speaks %s', (env, locale) => {
    expect(consoleLocale(env)).toBe(locale);
  });
});

describe('consoleText', () => {
  const zh = consoleText('zh-CN');
  const en = consoleText('en');
  // Every message with stand-in arguments (a list for the one that takes the configuration's problems).
  const sample = (text: ConsoleText): string[] =>
    Object.entries(text).map(([key, entry]: [string, unknown]) => {
      if (typeof entry !== 'function') return String(entry);
      const args = key === 'invalidConfiguration' ? [['X']] : ['X', 1, 'Y'];
      return String((entry as (...a: unknown[]) => unknown)(...args));
    });

  it('has every message in Chinese, not left in English', () => {
    // Each Chinese message carries Chinese characters (names of variables and commands may stay as they are).
    for (const message of sample(zh)) expect(message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('has every message in English', () => {
    for (const message of sample(en)) expect(message).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('puts what it is given into the message', () => {
    expect(zh.listening('http://127.0.0.1:8787')).toBe('学迹服务器已在 http://127.0.0.1:8787 上运行');
    expect(en.backupWritten('/b/st.json', 120, 7)).toBe('Backup written: /b/st.json (120 bytes, up to change 7)');
    expect(zh.invalidConfiguration(['PORT：a', 'HOST：b'])).toBe('配置有误\n  PORT：a\n  HOST：b');
  });
});
