// Golden fixtures (test/fixtures/anchoring, see its README): saved pages with the selectors recorded on
// them. Each note must anchor to exactly its expected text, or stay unanchored when it expects null; on
// the page it was recorded on, describing the anchored passage again must give the stored selectors.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import type { Selector } from '../../../shared/schemas/notes.ts';
import { anchorSelectors, createTextIndex } from './anchor-text.ts';
import { describeSpan } from './describe-text.ts';
import { readPageText } from './page-text.ts';

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

describe.each(fixtures)('golden fixture $name', ({ fixture }) => {
  const { document } = parseHTML(readFileSync(join(DIR, fixture.html), 'utf8'));
  const page = readPageText(document.body);
  const index = createTextIndex(page.text, page.hidden);

  it.each(fixture.notes)('$why', (note) => {
    const result = anchorSelectors(index, note.selectors);
    if (note.expect === null) {
      expect(result.status).toBe('unanchored');
      return;
    }
    expect(result.status).toBe('anchored');
    if (result.status !== 'anchored') return;
    const found = page.text.slice(result.span.start, result.span.end);
    if (note.whitespace === 'collapsed') expect(found.replace(/\s+/g, ' ')).toBe(note.expect);
    else expect(found).toBe(note.expect);
    if (fixture.recordedOn === undefined && note.selectors.length === 2) {
      expect(describeSpan(page.text, result.span)).toEqual(note.selectors);
    }
  });
});
