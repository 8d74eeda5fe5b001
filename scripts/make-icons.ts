// Writes extension/public/icon/<size>.png (WXT lists them in the manifest). Run after changing the
// drawing in icon-png.ts: `npx tsx scripts/make-icons.ts`; a test checks the committed files match.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ICON_SIZES, iconPng } from './icon-png.ts';

const ICON_DIR = fileURLToPath(new URL('../extension/public/icon/', import.meta.url));

for (const size of ICON_SIZES) writeFileSync(`${ICON_DIR}${size}.png`, iconPng(size));
process.stdout.write(`Wrote ${ICON_SIZES.map((s) => `${s}.png`).join(', ')} to ${ICON_DIR}\n`);
