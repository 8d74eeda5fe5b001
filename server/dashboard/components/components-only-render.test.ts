// Components only render: what a screen loads, sends and remembers lives in models/ (like the extension's
// ui/models/), and every form and action button goes through the one submit path (models/use-submit.ts).
// This reads every component file and fails on a component that calls the API client, fetches, loads
// through useLoad itself, keeps its own busy or failure state, or submits a form past a submitter.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const COMPONENTS_DIR = import.meta.dirname;

/** Forms that send nothing: they only change the URL the screen reads its filters from. */
const NAVIGATION_FORMS = new Set(['notes/NotesReviewPage.tsx']);

function componentFiles(): string[] {
  return readdirSync(COMPONENTS_DIR, { recursive: true, encoding: 'utf8' })
    .filter((path) => /\.tsx?$/.test(path) && !/\.test\.tsx?$/.test(path))
    .map((path) => join(COMPONENTS_DIR, path));
}

/** What in this component's source does not only render, one line per finding. */
export function findings(path: string, source: string): string[] {
  const found: string[] = [];
  const rules: [RegExp, string][] = [
    [/\bapi\.(?:\w+\.)?\w+\(/, 'calls the API client: name the request in models/'],
    [/\bfetch\(/, 'fetches: go through the API client from models/'],
    [/\buseLoad\b/, 'loads with useLoad itself: take a hook from models/'],
    [/^import (?!type )[^;]*from '[./]*api\/endpoints\.ts'/m, 'imports the API client: take a hook or function from models/'],
    [/\bset(?:Busy|Failure|Failed)\(/, 'keeps its own busy or failure state: use useSubmit (models/use-submit.ts)'],
  ];
  for (const [pattern, why] of rules) if (pattern.test(source)) found.push(`${path}: ${why}`);
  if (!NAVIGATION_FORMS.has(path)) {
    for (const m of source.matchAll(/onSubmit=\{([^}]{0,40})/g)) {
      if (!/^\s*(?:\w+\.form\(|props\.onSubmit$)/.test(m[1]!)) found.push(`${path}: a form submits past a submitter (useSubmit's form())`);
    }
  }
  return found;
}

describe('dashboard components only render', () => {
  it('finds each kind of breach in a sample (the check itself works)', () => {
    const sample = [
      "import { Api } from '../../api/endpoints.ts';",
      "import { useLoad } from '../../models/use-load.ts';",
      'const x = await api.programme.calendar(from, to);',
      'await fetch("/api/units");',
      'setBusy(true);',
      '<form onSubmit={(e) => { e.preventDefault(); }}>',
    ].join('\n');
    expect(findings('x/Sample.tsx', sample)).toHaveLength(6);
    expect(findings('x/Fine.tsx', "import type { Api } from '../../api/endpoints.ts';\n<form onSubmit={submit.form(save)}>")).toEqual([]);
  });

  it('has no component that loads, sends or keeps submit state itself', () => {
    const files = componentFiles();
    expect(files.length).toBeGreaterThan(30);
    const found = files.flatMap((file) => findings(relative(COMPONENTS_DIR, file), readFileSync(file, 'utf8')));
    expect(found).toEqual([]);
  });
});
