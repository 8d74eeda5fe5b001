// Every user-visible string goes through t(), so locales.test.ts can prove it exists in zh_CN and en:
// this finds text written straight into JSX in every extension component and page.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hardcodedText, tsxFiles } from '../../test/support/hardcoded-text.ts';

const EXTENSION_DIR = join(import.meta.dirname, '..');

describe('user-visible text', () => {
  it('finds hard-coded text when there is some (the check itself works)', () => {
    const sample = `export const A = () => <p title="Close">Hello <b>{t('x')}</b> 你好</p>;\nconst B = () => <input placeholder="https://x.example.org" />;\nconst C = () => <select><option value="none">{t('n')}</option></select>;`;
    expect(hardcodedText(EXTENSION_DIR, join(EXTENSION_DIR, 'sample.tsx'), sample)).toEqual([
      'sample.tsx:1 title="Close"',
      'sample.tsx:1 text "Hello"',
      'sample.tsx:1 text "你好"',
    ]);
  });

  it('is never written into a component or page: it comes from the locales through t()', () => {
    const found = tsxFiles(EXTENSION_DIR).flatMap((file) => hardcodedText(EXTENSION_DIR, file, readFileSync(file, 'utf8')));
    expect(found).toEqual([]);
  });
});
