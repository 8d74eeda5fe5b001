// The resource form's pattern field: one browser match pattern per line, blank lines ignored; the
// ones that are not valid patterns are returned too, so the form can name them.
import { matchPatternSchema } from '../../../shared/schemas/policy.ts';

export function parsePatterns(text: string): { patterns: string[]; invalid: string[] } {
  const patterns = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
  return { patterns, invalid: patterns.filter((p) => !matchPatternSchema.safeParse(p).success) };
}
