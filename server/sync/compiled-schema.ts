// A zod schema compiled, once, into a plain function for the server's hottest boundary: every sync
// brings up to 500 segments, and zod's general machinery (a result object, an issue list and a check
// loop for every field) cost as much as storing the segment durably. The schema stays the one
// definition, in shared/: the function is read off its definition (zod's `_zod.def`, published for
// tools like this one) and accepts exactly what the schema accepts (compiled-schema.test.ts compares
// them on thousands of generated inputs). It only says yes: given anything it does not accept, the
// caller asks the schema itself, for the message.
//
// Only what the compiled schemas use is understood (objects that drop unknown keys, strings with
// length, pattern and refine checks, date-time formats, enums); anything else is refused when the
// function is compiled, at start, not guessed at.
import type { z } from 'zod';
import { util } from 'zod/v4/core';

/** The value as the schema would output it, or undefined when the schema must be asked. */
export type CompiledSchema<T> = (value: unknown) => T | undefined;

type Def = {
  type: string;
  checks?: { _zod: { def: CheckDef } }[];
  shape?: Record<string, { _zod: { def: Def } }>;
  catchall?: unknown;
  entries?: Record<string, unknown>;
  format?: string;
  pattern?: RegExp;
  coerce?: boolean;
};
type CheckDef = { check: string; minimum?: number; maximum?: number; length?: number; format?: string; pattern?: RegExp; fn?: (value: unknown) => unknown };

type Test = (value: unknown) => boolean;

/** String formats whose whole check is their pattern. */
const PATTERN_FORMATS = new Set(['datetime', 'date', 'uuid']);

function unsupported(what: string): Error {
  return new Error(`compileSchema: ${what} is not understood; validate with the schema itself`);
}

function stringCheck(check: CheckDef): Test {
  switch (check.check) {
    // Lengths in code points, as zod counts them: a surrogate pair is one character.
    case 'min_length': {
      const min = check.minimum!;
      return (v) => (v as string).length >= min && ((v as string).length >= min * 2 || util.codePointLength(v as string) >= min);
    }
    case 'max_length': {
      const max = check.maximum!;
      return (v) => (v as string).length <= max || util.codePointLength(v as string) <= max;
    }
    case 'length_equals': {
      const length = check.length!;
      return (v) => util.codePointLength(v as string) === length;
    }
    case 'string_format': {
      if (check.format !== 'regex' || !check.pattern) throw unsupported(`the string format check "${check.format}"`);
      const pattern = check.pattern;
      return (v) => {
        pattern.lastIndex = 0;
        return pattern.test(v as string);
      };
    }
    case 'custom': {
      const fn = check.fn!;
      // A refine passes on any truthy answer; a promise (an async refine) is not an answer here.
      return (v) => {
        const answer = fn(v);
        return !!answer && !(answer instanceof Promise);
      };
    }
    default:
      throw unsupported(`the check "${check.check}"`);
  }
}

function compileTest(def: Def): Test {
  switch (def.type) {
    case 'string': {
      if (def.coerce) throw unsupported('a coercing string');
      const tests: Test[] = [];
      if (def.format !== undefined) {
        if (!PATTERN_FORMATS.has(def.format) || !def.pattern) throw unsupported(`the string format "${def.format}"`);
        tests.push(stringCheck({ check: 'string_format', format: 'regex', pattern: def.pattern }));
      }
      for (const check of def.checks ?? []) tests.push(stringCheck(check._zod.def));
      return (v) => {
        if (typeof v !== 'string') return false;
        for (const test of tests) if (!test(v)) return false;
        return true;
      };
    }
    case 'enum': {
      const values = new Set(Object.values(def.entries ?? {}));
      return (v) => values.has(v);
    }
    default:
      throw unsupported(`a field of type "${def.type}"`);
  }
}

/** Compiles an object schema (unknown keys dropped, every key required) into its yes-only twin. */
export function compileSchema<S extends z.ZodType>(schema: S): CompiledSchema<z.output<S>> {
  const def = (schema as unknown as { _zod: { def: Def } })._zod.def;
  if (def.type !== 'object' || !def.shape) throw unsupported(`a schema of type "${def.type}"`);
  if (def.catchall !== undefined) throw unsupported('an object that keeps unknown keys');
  if ((def.checks ?? []).length > 0) throw unsupported('an object with checks of its own');
  const fields = Object.entries(def.shape).map(([key, field]) => ({ key, test: compileTest(field._zod.def) }));
  // The output is made by an object literal of the schema's keys, as zod's own compiled parser does:
  // one shape for every output, where adding the keys one by one looked each up anew.
  const copy = new Function('input', `return { ${fields.map(({ key }) => `${JSON.stringify(key)}: input[${JSON.stringify(key)}]`).join(', ')} };`) as (
    input: Record<string, unknown>,
  ) => z.output<S>;
  return (value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    const input = value as Record<string, unknown>;
    for (const { key, test } of fields) if (!test(input[key])) return undefined;
    return copy(input);
  };
}
