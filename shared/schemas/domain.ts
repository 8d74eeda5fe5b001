// The closed vocabularies of the contract: categories, kinds, roles and segment modes.
import { z } from 'zod';

export const CATEGORIES = ['political-theory', 'cppcc-theory', 'professional', 'other'] as const;
export const categorySchema = z.enum(CATEGORIES);
export type Category = z.infer<typeof categorySchema>;

export const RESOURCE_KINDS = ['reading', 'video'] as const;
export const resourceKindSchema = z.enum(RESOURCE_KINDS);
export type ResourceKind = z.infer<typeof resourceKindSchema>;

export const ROLES = ['staff', 'leader', 'admin'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export const SEGMENT_MODES = ['reading', 'media'] as const;
export const segmentModeSchema = z.enum(SEGMENT_MODES);
export type SegmentMode = z.infer<typeof segmentModeSchema>;

/** Server-assigned identifiers: opaque, short, URL-safe. */
export const idSchema = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'must be an identifier');

/** An instant on the wire: ISO 8601 with an explicit offset (Z or ±hh:mm). */
export const instantSchema = z.iso.datetime({ offset: true });

/**
 * A UUID as RFC 9562 writes it, in either case: versions 1-8 with the RFC's variant, or the nil and
 * max UUIDs (the max in lower case only), exactly z.uuid()'s rule. Checked character by character:
 * every sync brings one a segment, and the regular expression took as long as all of a segment's
 * other checks.
 */
export function isUuid(s: string): boolean {
  if (s.length !== 36 || s.charCodeAt(8) !== DASH || s.charCodeAt(13) !== DASH || s.charCodeAt(18) !== DASH || s.charCodeAt(23) !== DASH) return false;
  if (!(hexRun(s, 0, 8) && hexRun(s, 9, 13) && hexRun(s, 14, 18) && hexRun(s, 19, 23) && hexRun(s, 24, 36))) return false;
  const version = s.charCodeAt(14);
  const variant = s.charCodeAt(19) | 0x20;
  if (version >= 0x31 && version <= 0x38 && (variant === 0x38 || variant === 0x39 || variant === 0x61 || variant === 0x62)) return true;
  return s === '00000000-0000-0000-0000-000000000000' || s === 'ffffffff-ffff-ffff-ffff-ffffffffffff';
}
const DASH = 0x2d;
/** 1 for the character codes of hexadecimal digits, either case. */
const HEX_DIGIT = new Uint8Array(128);
for (const ch of '0123456789abcdefABCDEF') HEX_DIGIT[ch.charCodeAt(0)] = 1;
function hexRun(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c > 127 || HEX_DIGIT[c] === 0) return false;
  }
  return true;
}
export const uuidSchema = z.string().refine(isUuid, 'Invalid UUID');

/**
 * A page address as the browser gives it (location.href): http or https, no spaces or control
 * characters, and one the URL parser accepts. Checked without building a URL object and never
 * rewritten (z.url() does both): ten come with every sync, and the server parses each page once anyway.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const WEB_URL = /^https?:\/\/[^\s\u0000-\u001f\u007f]+$/i;
export const webUrlSchema = (maxChars: number) =>
  z
    .string()
    .max(maxChars)
    .refine((s) => WEB_URL.test(s) && URL.canParse(s), 'must be an http(s) address without spaces')
    .refine(withoutCredentials, CREDENTIALS_MESSAGE);

/**
 * False when the address carries a user name or password (https://user:pass@host/): stored, shown and
 * exported, it would hand the secret to every reader, and it is how a link is made to look like
 * another host's. The authority ends at the first / ? # or \ (which http(s) URLs read as /).
 */
export function withoutCredentials(url: string): boolean {
  const start = url.indexOf('//');
  if (start < 0) return true;
  const rest = url.slice(start + 2);
  const end = rest.search(/[/?#\\]/);
  return !(end < 0 ? rest : rest.slice(0, end)).includes('@');
}
const CREDENTIALS_MESSAGE = 'must not carry a user name or password (user:pass@)';

/** A link people follow (a session's meeting link, a research report's file): http(s), no credentials. */
export const linkUrlSchema = (maxChars: number) =>
  z.url({ protocol: /^https?$/ }).max(maxChars).refine(withoutCredentials, CREDENTIALS_MESSAGE);

/** A calendar date in the organisation's time zone. */
export const dateSchema = z.iso.date();

/**
 * The dates a report may cover: 1900-01-01 to 9999-12-31. Every date `dateSchema` accepts (0000 to
 * 9999) is kept as written, but before 1900 the platform's date arithmetic and time-zone tables stop
 * being exact (two-digit years are read as 19xx, year 0 is written as 1 BC), and after 9999 a date no
 * longer has four digits. A range or period reaching outside is refused with 400, never answered wrongly.
 */
export const REPORT_DATES = { first: '1900-01-01', last: '9999-12-31' } as const;
export const reportDateSchema = dateSchema.refine(
  (d) => d >= REPORT_DATES.first && d <= REPORT_DATES.last,
  `must be a date from ${REPORT_DATES.first} to ${REPORT_DATES.last}`,
);

/** A surrogate without its pair: not text, and it breaks encoders downstream (spreadsheets, PDFs). */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const wellFormed = (s: string) => !LONE_SURROGATE.test(s);

/**
 * Characters a name never shows, by Unicode property, so the rule covers their kin too: controls (Cc);
 * format characters (Cf: bidi marks and overrides, zero-width spaces and joiners, U+2060, U+FEFF,
 * U+061C, the soft hyphen, tag characters); line and paragraph separators (Zl, Zp); and every other
 * default-ignorable code point (Hangul fillers U+3164/U+115F/U+FFA0, variation selectors, U+034F).
 * Each is invisible or reorders what is shown, so two different names could look the same. Joined emoji
 * (which need U+200D) are refused with them; single emoji and every script's letters are kept.
 */
const HIDDEN_CHARACTERS = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]/u;

/**
 * A name people read (a unit, a person, a resource): trimmed, 1..max characters, well-formed Unicode
 * (no lone surrogates) and without hidden characters (above).
 */
export function displayNameSchema(max: number) {
  return z
    .string()
    // Checked before trimming: trim() would quietly drop a leading U+FEFF, and the name should be refused.
    .refine((s) => !HIDDEN_CHARACTERS.test(s), 'must not contain invisible, control or text-direction characters')
    .trim()
    .min(1)
    .max(max)
    .refine(wellFormed, 'must be well-formed Unicode text');
}

/** Free text kept as typed, but well-formed Unicode. */
export function plainTextSchema(max: number) {
  return z
    .string()
    .max(max)
    .refine(wellFormed, 'must be well-formed Unicode text');
}

/** At least one field besides the audit reason: an empty change is a mistake, not a no-op to record. */
export function hasSomeChange(value: Record<string, unknown>): boolean {
  return Object.entries(value).some(([key, v]) => key !== 'reason' && v !== undefined);
}
