// What an IT department relies on in the built packages: the managed-storage schema policies are
// checked against, and icons (drawn by scripts/icon-png.ts, committed as PNGs) in every size.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ICON_SIZES, iconPng } from '../../scripts/icon-png.ts';

const BUILDS = { chrome: resolve('.output/chrome-mv3'), firefox: resolve('.output/firefox-mv3') };

type Manifest = { icons?: Record<string, string>; storage?: { managed_schema?: string } };
const manifestOf = (dir: string) => JSON.parse(readFileSync(resolve(dir, 'manifest.json'), 'utf8')) as Manifest;

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('the packaged extension', () => {
  it('declares the managed-storage schema for Chrome/Edge with the two policy settings', () => {
    const manifest = manifestOf(BUILDS.chrome);
    expect(manifest.storage?.managed_schema).toBe('managed_schema.json');
    const schema = JSON.parse(readFileSync(resolve(BUILDS.chrome, 'managed_schema.json'), 'utf8')) as {
      type: string;
      properties: Record<string, { type: string }>;
    };
    expect(schema.type).toBe('object');
    expect(Object.keys(schema.properties).sort()).toEqual(['organisationName', 'serverUrl']);
    for (const property of Object.values(schema.properties)) expect(property.type).toBe('string');
  });

  it.each(Object.entries(BUILDS))('%s lists an icon in every size, each a PNG of that size', (_browser, dir) => {
    const icons = manifestOf(dir).icons ?? {};
    expect(Object.keys(icons).map(Number).sort((a, b) => a - b)).toEqual([...ICON_SIZES]);
    for (const [size, file] of Object.entries(icons)) {
      expect(pngSize(readFileSync(resolve(dir, file)))).toEqual({ width: Number(size), height: Number(size) });
    }
  });

  it('ships the icons the script draws (run `npx tsx scripts/make-icons.ts` after changing it)', () => {
    for (const size of ICON_SIZES) {
      expect(readFileSync(resolve('extension/public/icon', `${size}.png`)).equals(iconPng(size)), `${size}.png`).toBe(true);
    }
  });
});
