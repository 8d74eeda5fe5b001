// Which content scripts the policy calls for: the highlighter on designated resources only.
import { describe, expect, it } from 'vitest';
import type { Policy } from '../../shared/schemas/policy.ts';
import { contentScriptsFor, HIGHLIGHTER_SCRIPT_FILE, HIGHLIGHTER_SCRIPT_ID } from './registration.ts';

const policy = (patterns: string[][]): Policy => ({
  version: 1,
  resources: patterns.map((p, i) => ({ id: `r${i}`, name: `R${i}`, category: 'other', kind: 'reading', patterns: p })),
  settings: { idleSeconds: 120 },
});

describe('contentScriptsFor', () => {
  it('registers nothing without a policy or without designated resources', () => {
    expect(contentScriptsFor(null)).toEqual([]);
    expect(contentScriptsFor(policy([]))).toEqual([]);
  });

  it('runs the highlighter on every designated pattern, each once', () => {
    const [script, ...rest] = contentScriptsFor(policy([['https://b.example.org/*', 'https://a.example.org/learn/*'], ['https://b.example.org/*']]));
    expect(rest).toEqual([]);
    expect(script).toMatchObject({
      id: HIGHLIGHTER_SCRIPT_ID,
      js: [HIGHLIGHTER_SCRIPT_FILE],
      matches: ['https://a.example.org/learn/*', 'https://b.example.org/*'],
      persistAcrossSessions: true,
    });
  });
});
