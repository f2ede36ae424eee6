/**
 * The policy core ships inside the browser apps and the mini-program: its entry must bundle for the browser (no Node
 * built-ins) and the bundle must answer as the source does, holiday data included.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

describe('browser bundle of @dg/policy', { timeout: 30_000 }, () => {
  it('bundles for the browser and counts working days from the bundled holiday data', async () => {
    const result = await build({
      entryPoints: [new URL('../src/index.ts', import.meta.url).pathname],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      target: 'es2018',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.filter((input) => input.startsWith('node:'))).toEqual([]);
    expect(inputs.some((input) => input.endsWith('chinese-days/dist/chinese-days.json'))).toBe(true);

    const file = join(mkdtempSync(join(tmpdir(), 'policy-bundle-')), 'policy.mjs');
    writeFileSync(file, result.outputFiles[0]?.text ?? '');
    const bundled = await import(pathToFileURL(file).href);
    expect(bundled.nthWorkday('2025-09-29', 5)).toBe('2025-10-11');
    expect(bundled.checkUscc('91440300708461136T').ok).toBe(true);
  });
});
