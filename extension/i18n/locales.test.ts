// Every message exists in both locales with the same placeholders, and every key the code uses exists:
// a missing translation fails here instead of showing a raw key to someone.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const EXTENSION_DIR = join(import.meta.dirname, '..');
const LOCALES_DIR = join(EXTENSION_DIR, 'public/_locales');
const LOCALES = ['zh_CN', 'en'];

type MessagesFile = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

function load(locale: string): MessagesFile {
  return JSON.parse(readFileSync(join(LOCALES_DIR, locale, 'messages.json'), 'utf8')) as MessagesFile;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

describe('locales', () => {
  const files = Object.fromEntries(LOCALES.map((l) => [l, load(l)]));

  it('ships exactly zh_CN and en', () => {
    expect(readdirSync(LOCALES_DIR).sort()).toEqual([...LOCALES].sort());
  });

  it.each(LOCALES)('%s has every key of the other locales', (locale) => {
    const all = new Set(LOCALES.flatMap((l) => Object.keys(files[l]!)));
    expect(Object.keys(files[locale]!).sort()).toEqual([...all].sort());
  });

  it.each(LOCALES)('%s messages are non-empty and declare exactly the placeholders they use', (locale) => {
    for (const [key, entry] of Object.entries(files[locale]!)) {
      expect(entry.message.trim(), `${locale}/${key}`).not.toBe('');
      const used = [...entry.message.matchAll(/\$([A-Za-z_]+)\$/g)].map((m) => m[1]!.toLowerCase()).sort();
      const declared = Object.keys(entry.placeholders ?? {}).map((p) => p.toLowerCase()).sort();
      expect(used, `${locale}/${key}`).toEqual(declared);
    }
  });

  it('gives a key the same placeholders, in the same order, in every locale', () => {
    for (const key of Object.keys(files.zh_CN!)) {
      const shape = (l: string) => JSON.stringify(files[l]![key]?.placeholders ?? {});
      for (const locale of LOCALES) expect(shape(locale), key).toBe(shape('zh_CN'));
    }
  });

  it('defines every key the manifest and the code use', () => {
    const used = new Set(['extName', 'extDescription']);
    for (const file of sourceFiles(EXTENSION_DIR)) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([A-Za-z0-9_]+)'/g)) used.add(m[1]!);
    }
    for (const locale of LOCALES) {
      for (const key of used) expect(files[locale]![key], `${locale}/${key}`).toBeDefined();
    }
  });
});
