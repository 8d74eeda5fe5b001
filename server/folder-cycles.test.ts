// Folders of the server that import each other, type imports included (see test/support/folder-cycles.ts).
// The layers, lowest first: store/ (which keeps the records and applies the crediting rules on ingest),
// below it nothing of ours but the pure rules it calls (aggregation/split-day-seconds.ts, zone-calendar.ts,
// programme/credit-rules.ts), which in turn declare the shapes they read rather than import the store's;
// then report-inputs/ and access/; then http/ and routes/. The dashboard is a separate app with its own
// models/components rule (dashboard/components/components-only-render.test.ts).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mutualPairs, productFiles } from '../test/support/folder-cycles.ts';

const SERVER_DIR = import.meta.dirname;

describe('folder-level import cycles in server/', () => {
  it('has no pair of folders importing each other', () => {
    const found = mutualPairs(SERVER_DIR, productFiles(SERVER_DIR, ['dashboard']), (file) => readFileSync(file, 'utf8'));
    expect(found).toEqual([]);
  });
});
