// The linter: the dependency rules of ../shared/STYLE.md ("Dependency direction") as import zones, in the
// manner of alan2207/bulletproof-react's `import/no-restricted-paths`, no import cycles, and the
// recommended rules that catch real bugs. Syntax only (no type information), so `npm run lint` stays fast.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';
import { importX, createNodeResolver } from 'eslint-plugin-import-x';

// Code that runs in the web page (content scripts and what they load): it must not pull in the
// extension's own pages (popup, options, side panel, notice) or their Preact UI. The note editor runs
// both in the page (the capture panel) and in the side panel, so it is held to the page's rule.
const pageCode = [
  './extension/note-editor',
  './extension/entrypoints/*.content.ts',
  './extension/content',
  './extension/tracking/probe',
  './extension/highlights/page',
  './extension/highlights/painting',
  './extension/highlights/capture',
  './extension/highlights/anchoring',
];
// The extension's feature folders: each builds on storage/ and rpc/ and is joined by messaging/.
const extensionFeatures = [
  './extension/account',
  './extension/highlights',
  './extension/programme',
  './extension/status',
  './extension/sync',
  './extension/tracking',
];
const extensionPages = [
  './extension/entrypoints/popup',
  './extension/entrypoints/options',
  './extension/entrypoints/sidepanel',
  './extension/entrypoints/notice',
];
// Server code below the HTTP layer: it is called by routes and never calls back up into them.
const serverDomain = [
  './server/access',
  './server/aggregation',
  './server/auth',
  './server/ingest-checks',
  './server/personal-data',
  './server/programme',
  './server/report-inputs',
  './server/store',
  './server/xapi',
];

const zones = (forTests) => [
  {
    target: './shared',
    from: ['./extension', './server', './bench', './scripts', ...(forTests ? [] : ['./test'])],
    message: 'shared/ is imported by both sides and imports neither.',
  },
  { target: './extension', from: './server', message: 'extension/ and server/ never import each other.' },
  { target: './server', from: './extension', message: 'extension/ and server/ never import each other.' },
  { target: pageCode, from: extensionPages, message: 'Page code never imports the extension\'s own pages.' },
  {
    target: pageCode,
    from: './extension/ui',
    message: 'Page code never imports extension-UI modules: move the shared piece to a lower layer (note-editor/, messaging/).',
  },
  {
    target: serverDomain,
    from: ['./server/http', './server/routes', './server/app.ts'],
    message: 'Domain code never imports the HTTP layer: move the shared piece down.',
  },
  // The outbox flush sends the notes too (sync/ -> highlights/notes/note-sync.ts), so notes never reach
  // back into sync/. Tests may: a notes test drives the flush.
  ...(forTests
    ? []
    : [{ target: './extension/highlights', from: './extension/sync', message: 'sync/ sends the notes: highlights/ never imports sync/.' }]),
  // messaging/ joins every folder's requests into the background's one protocol and handler map; the
  // folders it joins never reach back up. What they share with it (failure codes, the reply, the shape of
  // a handler map) is in rpc/; what the engine sends or listens on (the probe's protocol and reports, the
  // popup's port) lives beside it in tracking/. extension/folder-cycles.test.ts checks every folder pair.
  {
    target: extensionFeatures,
    from: './extension/messaging',
    message: 'The folders messaging/ joins never import it: take failures and handler types from rpc/, define your requests beside your handlers.',
  },
  {
    target: './extension/rpc',
    from: ['./extension/messaging', './extension/storage', ...extensionFeatures],
    message: 'rpc/ is below every receiver: it imports none of them.',
  },
  // The engine is driven by account/ (the policy it applies) and never calls back into it.
  { target: './extension/tracking', from: './extension/account', message: 'tracking/ never imports account/: take what it needs from storage/.' },
  // storage/ declares every persisted key and the stored shapes (or takes them from shared/): everything
  // builds on it and it builds on nothing above it.
  {
    target: './extension/storage',
    from: ['./extension/messaging', ...extensionFeatures],
    message: 'storage/ never imports the folders that use it: declare the stored shape in storage/ or take it from shared/.',
  },
];

// Only server/store/ touches the databases (lowdb for the embedded engine, `pg` for PostgreSQL).
const databaseDrivers = {
  paths: [
    { name: 'lowdb', message: 'Only server/store/ touches lowdb: go through the Store interface.' },
    { name: 'pg', message: 'Only server/store/ touches PostgreSQL: go through the Store interface.' },
  ],
  patterns: [{ group: ['lowdb/*', 'pg/*'], message: 'Only server/store/ touches the database drivers.' }],
};
// Only server/config.ts reads the environment: `process.env` (no-restricted-properties also catches
// `const { env } = process`) and `import { env } from 'node:process'` are the ways in.
const envMessage = 'Only server/config.ts reads the environment: take the value from the config instead.';
const envImports = [
  { name: 'process', importNames: ['env'], message: envMessage },
  { name: 'node:process', importNames: ['env'], message: envMessage },
];

export default defineConfig(
  globalIgnores(['.output/', '.wxt/', 'data/', 'test/artifacts/']),
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    settings: {
      // Without the extensions list import-x reads no .ts file's imports, and no-cycle sees nothing.
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js'] })],
    },
    rules: {
      // Counts only imports that exist at run time: import-x skips `import type`, so a cycle closed by a
      // type import would pass (none is known: the last two were broken by moving the shared type down).
      // Cycles between folders are the zones' job.
      'import-x/no-cycle': 'error',
      'import-x/no-restricted-paths': ['error', { zones: zones(false) }],
      'no-restricted-imports': ['error', { paths: [...databaseDrivers.paths, ...envImports], patterns: databaseDrivers.patterns }],
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: envMessage }],
      // A leading underscore names what is deliberately unused (a field dropped from a rest copy, say).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // Chinese text uses the ideographic space (U+3000) on purpose; in code proper it is still a bug.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipJSXText: true, skipComments: true }],
    },
  },
  {
    // Tests, benchmarks and scripts set up processes: they pin TZ, pass ports and paths to the servers
    // they start and read opt-in switches, so the environment rule does not apply to them. They poke at
    // untyped page globals, where `any` is the honest type. Tests of shared/ may use the test fixtures.
    files: ['**/*.test.{ts,tsx}', 'test/**', 'bench/**', 'scripts/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: databaseDrivers.paths, patterns: databaseDrivers.patterns }],
      'no-restricted-properties': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      'import-x/no-restricted-paths': ['error', { zones: zones(true) }],
    },
  },
  {
    files: ['server/config.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: databaseDrivers.paths, patterns: databaseDrivers.patterns }],
      'no-restricted-properties': 'off',
    },
  },
  {
    files: ['server/store/**'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: envImports }] },
  },
  // The store's own tests, and the store contract suite that runs them on both engines, look at the database directly.
  { files: ['server/store/**/*.test.ts', 'test/store/**/*.test.ts'], rules: { 'no-restricted-imports': 'off' } },
  // The PostgreSQL bench fills millions of rows straight into the store's tables (INSERT … SELECT), which the Store interface has no way to do fast.
  { files: ['bench/server-postgres.bench.ts'], rules: { 'no-restricted-imports': 'off' } },
  // The report-reads test counts the SQL statements a report runs, at the driver (test/api/report-reads.test.ts).
  { files: ['test/support/counting-store.ts'], rules: { 'no-restricted-imports': 'off' } },
);
