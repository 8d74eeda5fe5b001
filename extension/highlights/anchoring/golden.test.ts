// Golden fixtures (test/fixtures/anchoring, see its README): saved pages with the selectors recorded on
// them (before look-alikes were recorded). Each note must anchor to exactly its expected text, or stay
// unanchored when it expects null; on the page it was recorded on, describing the anchored passage again
// must give the stored selectors, with the look-alikes describing now records beside them. The same note
// made today (described with its look-alikes on the page it was recorded on) must anchor the same.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { selectorSchema, type Selector } from '../../../shared/schemas/notes.ts';
import { anchorSelectors, createTextIndex } from './anchor-text.ts';
import { describeSpan } from './describe-text.ts';
import { readPageText } from './page-text.ts';
import type { AnchorResult } from './types.ts';

const DIR = join(import.meta.dirname, '../../../test/fixtures/anchoring');

interface Fixture {
  html: string;
  /** The page the selectors were recorded on, when it is not `html` (a later revision of it). */
  recordedOn?: string;
  notes: { why: string; selectors: Selector[]; expect: string | null; whitespace?: 'collapsed' }[];
}

const fixtures = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => ({ name: f.replace(/\.json$/, ''), fixture: JSON.parse(readFileSync(join(DIR, f), 'utf8')) as Fixture }));

function load(html: string) {
  const { document } = parseHTML(readFileSync(join(DIR, html), 'utf8'));
  const page = readPageText(document.body);
  return { page, index: createTextIndex(page.text, page.hidden) };
}

/** The selectors without what only StudyTrail records (look-alikes): as the fixtures were recorded. */
const asRecorded = (selectors: readonly Selector[]) =>
  selectors.map((s) => (s.type === 'TextQuoteSelector' ? { type: s.type, exact: s.exact, prefix: s.prefix, suffix: s.suffix } : s));

describe.each(fixtures)('golden fixture $name', ({ fixture }) => {
  const { page, index } = load(fixture.html);
  const origin = fixture.recordedOn === undefined ? { page, index } : load(fixture.recordedOn);

  function expectFound(result: AnchorResult, note: Fixture['notes'][number]) {
    if (note.expect === null) {
      expect(result.status).toBe('unanchored');
      return;
    }
    expect(result.status).toBe('anchored');
    if (result.status !== 'anchored') return;
    const found = page.text.slice(result.span.start, result.span.end);
    if (note.whitespace === 'collapsed') expect(found.replace(/\s+/g, ' ')).toBe(note.expect);
    else expect(found).toBe(note.expect);
  }

  it.each(fixture.notes)('$why', (note) => {
    const result = anchorSelectors(index, note.selectors);
    expectFound(result, note);
    if (fixture.recordedOn === undefined && note.selectors.length === 2 && result.status === 'anchored') {
      const described = describeSpan(page.text, result.span, undefined, index.allowed)!;
      expect(asRecorded(described)).toEqual(note.selectors);
      expect(selectorSchema.array().parse(described)).toEqual(described);
    }
    const was = anchorSelectors(origin.index, note.selectors);
    if (note.selectors.length === 2 && was.status === 'anchored') {
      expectFound(anchorSelectors(index, describeSpan(origin.page.text, was.span, undefined, origin.index.allowed)!), note);
    }
  });
});
