import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { segmentSchema } from '../../shared/schemas/sync.ts';
import { compileSchema } from './compiled-schema.ts';

/** A deterministic source of choices, so a failure names an input that fails again. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s / 4294967296;
  };
}

const good = () => ({
  id: randomUUID(),
  resourceId: 'res-theory_1',
  url: 'https://learn.example.org/course/lesson-1?page=2#p',
  title: '第一课 学习型机关',
  startedAt: '2026-03-06T09:00:00.000Z',
  endedAt: '2026-03-06T09:30:00+08:00',
  mode: 'reading',
});

/** Values around every rule of the segment schema: lengths at their limits, near-miss formats, other types. */
const variants: Record<string, unknown[]> = {
  id: ['0E3B6F0A-1111-4111-8111-000000000002', '0e3b6f0a-1111-0111-8111-000000000001', '0e3b6f0a11114111811100000000000100', '', 'x'],
  resourceId: ['', 'a', 'a'.repeat(64), 'a'.repeat(65), 'res 1', 'res.1', '资源', 'RES-1_x'],
  url: ['http://a.b/', 'https://x.org/' + 'a'.repeat(2034), 'https://x.org/' + 'a'.repeat(2035), 'ftp://x.org/', 'https:x.org', 'https://x.org/a b', ' https://x.org/', 'https://'],
  title: ['', 'a'.repeat(500), 'a'.repeat(501), '😀'.repeat(250), '😀'.repeat(251), '\u0000'],
  startedAt: ['2024-02-29T00:00:00Z', '2023-02-29T00:00:00Z', '2026-03-06T24:00:00Z', '2026-03-06T09:00Z', '2026-03-06T09:00:00', '2026-03-06 09:00:00Z', '2026-03-06T09:00:00.123456+05:45', '2026-13-01T00:00:00Z'],
  endedAt: ['2026-03-06T09:00:00-00:00', '2026-03-06T09:00:00+24:00', '2026-03-06T09:00:00.Z'],
  mode: ['media', 'Reading', 'video', ''],
};
const otherTypes: unknown[] = [undefined, null, 0, 1.5, true, [], {}, ['x'], new String('x')];

describe('compileSchema', () => {
  const fast = compileSchema(segmentSchema);

  it('accepts exactly what the segment schema accepts, and gives what it outputs', () => {
    const rnd = random(7);
    const pick = <T,>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
    const inputs: unknown[] = [null, undefined, 'x', 3, [], [good()], Object.assign(Object.create({ mode: 'reading' }), good())];
    for (let i = 0; i < 4000; i++) {
      const input: Record<string, unknown> = good();
      // One to three fields changed: to a value near a rule, to another type, or removed; sometimes an unknown key.
      for (let k = 0; k < 1 + (i % 3); k++) {
        const key = pick(Object.keys(variants));
        const roll = rnd();
        if (roll < 0.7) input[key] = pick(variants[key]!);
        else if (roll < 0.9) input[key] = pick(otherTypes);
        else delete input[key];
      }
      if (i % 5 === 0) input.extra = 'dropped';
      inputs.push(input);
    }
    let accepted = 0;
    for (const input of inputs) {
      const checked = segmentSchema.safeParse(input);
      const compiled = fast(input);
      expect([input, compiled !== undefined]).toEqual([input, checked.success]);
      if (checked.success) {
        accepted++;
        expect(compiled).toEqual(checked.data);
        expect(Object.keys(compiled!)).toEqual(Object.keys(checked.data));
      }
    }
    // Both answers must be well represented for the comparison to mean anything.
    expect(accepted).toBeGreaterThan(400);
    expect(accepted).toBeLessThan(inputs.length - 400);
  });

  it('refuses to compile what it does not understand, rather than guess', () => {
    expect(() => compileSchema(z.object({ a: z.url() }))).toThrow(/string format "url"/);
    expect(() => compileSchema(z.object({ a: z.string().optional() }))).toThrow(/type "optional"/);
    expect(() => compileSchema(z.object({ a: z.string().trim() }))).toThrow(/check "overwrite"/);
    expect(() => compileSchema(z.object({ a: z.string() }).passthrough())).toThrow(/keeps unknown keys/);
    expect(() => compileSchema(z.object({ a: z.string() }).refine(() => true))).toThrow(/checks of its own/);
    expect(() => compileSchema(z.string())).toThrow(/type "string"/);
  });
});
