// Finds text written straight into JSX (text between tags, or a human-readable attribute) with the
// TypeScript parser, so the extension's and the dashboard's tests can prove every string goes through t().
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/** Attributes a person reads or hears (screen readers); others (class, name, type) are code. */
const VISIBLE_ATTRIBUTES = new Set(['placeholder', 'title', 'alt', 'aria-label', 'aria-description', 'label', 'value']);
/** An option's value is what the code receives; the person reads the option's text instead. */
const CODE_VALUE_ELEMENTS = new Set(['option', 'select']);
/** Text with a letter in any script; digits, punctuation and symbols alone need no translation. */
const WORDS = /\p{L}/u;
/** Example addresses are the same in every language. */
const EXAMPLE_URL = /^https?:\/\/\S+$/;

/** Every component file under dir (tests left out). */
export function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.tsx') && !e.name.endsWith('.test.tsx'))
    .map((e) => join(e.parentPath, e.name));
}

/** `path:line` and the text of every hard-coded string in one file's JSX; paths relative to root. */
export function hardcodedText(root: string, file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const where = (node: ts.Node) => `${relative(root, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
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
