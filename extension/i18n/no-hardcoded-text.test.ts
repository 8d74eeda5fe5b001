// Every user-visible string goes through t(), so locales.test.ts can prove it exists in zh_CN and en:
// this finds text written straight into JSX (text between tags, or a human-readable attribute) in
// every extension component and page, using the TypeScript parser rather than guessing with regexes.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const EXTENSION_DIR = join(import.meta.dirname, '..');
/** Attributes a person reads or hears (screen readers); others (class, name, type) are code. */
const VISIBLE_ATTRIBUTES = new Set(['placeholder', 'title', 'alt', 'aria-label', 'aria-description', 'label', 'value']);
/** An option's value is what the code receives; the person reads the option's text instead. */
const CODE_VALUE_ELEMENTS = new Set(['option', 'select']);
/** Text with a letter in any script; digits, punctuation and symbols alone need no translation. */
const WORDS = /\p{L}/u;
/** Example addresses are the same in every language. */
const EXAMPLE_URL = /^https?:\/\/\S+$/;

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.tsx') && !e.name.endsWith('.test.tsx'))
    .map((e) => join(e.parentPath, e.name));
}

function hardcodedText(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const where = (node: ts.Node) => `${relative(EXTENSION_DIR, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && WORDS.test(node.text)) found.push(`${where(node)} text "${node.text.trim()}"`);
    if (ts.isJsxAttribute(node) && node.initializer && ts.isStringLiteral(node.initializer)) {
      const name = node.name.getText(source);
      const value = node.initializer.text;
      const element = node.parent.parent.tagName.getText(source);
      if (name === 'value' && CODE_VALUE_ELEMENTS.has(element)) return;
      if (VISIBLE_ATTRIBUTES.has(name) && WORDS.test(value) && !EXAMPLE_URL.test(value)) found.push(`${where(node)} ${name}="${value}"`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('user-visible text', () => {
  it('finds hard-coded text when there is some (the check itself works)', () => {
    const sample = `export const A = () => <p title="Close">Hello <b>{t('x')}</b> 你好</p>;\nconst B = () => <input placeholder="https://x.example.org" />;\nconst C = () => <select><option value="none">{t('n')}</option></select>;`;
    expect(hardcodedText(join(EXTENSION_DIR, 'sample.tsx'), sample)).toEqual([
      'sample.tsx:1 title="Close"',
      'sample.tsx:1 text "Hello"',
      'sample.tsx:1 text "你好"',
    ]);
  });

  it('is never written into a component or page: it comes from the locales through t()', () => {
    const found = tsxFiles(EXTENSION_DIR).flatMap((file) => hardcodedText(file, readFileSync(file, 'utf8')));
    expect(found).toEqual([]);
  });
});
