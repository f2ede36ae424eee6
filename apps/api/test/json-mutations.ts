import fc from 'fast-check';
import { expect } from 'vitest';

// Property tests of the compiled checks (output-validation, input-validation): take a valid value, replace any one
// field (or the whole value) by any JSON value, and hold the compiled check to zod's answer.

type Path = (string | number)[];

/** Every path in a JSON value, the root ([]) included. */
export function pathsOf(value: unknown): Path[] {
  const paths: Path[] = [];
  const walk = (node: unknown, path: Path) => {
    paths.push(path);
    if (node && typeof node === 'object')
      for (const [key, child] of Object.entries(node))
        walk(child, [...path, Array.isArray(node) ? Number(key) : key]);
  };
  walk(value, []);
  return paths;
}

/** A fresh `make()` with the value at `path` replaced. */
export function replacedAt(make: () => unknown, path: Path, replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const value = make() as Record<string | number, unknown>;
  let parent = value;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  parent[path.at(-1)!] = replacement;
  return value;
}

/** Any JSON value, and the near misses a schema's formats and bounds care about. */
export const replacements = (...nearMisses: unknown[]) =>
  fc.oneof(fc.jsonValue(), fc.constantFrom(...nearMisses));

/**
 * For 2,000 mutations of `make()` (any one path replaced by any JSON value or a near miss), the compiled check's
 * answer equals zod's. Each side answers in its own terms (a value, an error), compared with toEqual.
 */
export function answersAsZod(
  make: () => unknown,
  nearMisses: unknown[],
  compiledAnswer: (value: unknown) => unknown,
  zodAnswer: (value: unknown) => unknown,
): void {
  fc.assert(
    fc.property(fc.constantFrom(...pathsOf(make())), replacements(...nearMisses), (path, replacement) => {
      const value = replacedAt(make, path, replacement);
      expect(compiledAnswer(value)).toEqual(zodAnswer(value));
    }),
    { numRuns: 2000 },
  );
}
