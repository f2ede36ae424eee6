// The one vitest preset every package extends, so timeouts and reporters stay alike across the repo.
// Embedded PGlite can take ~15 s to boot when turbo runs tasks side by side on two cores; hooks get room for that.
// The JSON report feeds tooling/scripts/test-summary.mjs, which prints the repo-wide tally at the end of `pnpm test`.
export const preset = {
  test: {
    testTimeout: 30_000,
    hookTimeout: 90_000,
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    pool: 'forks',
  },
};
export default preset;
