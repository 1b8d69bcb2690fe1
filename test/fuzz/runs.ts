// How many runs fast-check makes of a property, and from which seed: FUZZ_RUNS and FUZZ_SEED.

/** FUZZ_RUNS runs (`runs` when unset), from the seed FUZZ_SEED when set, to replay a failure. */
export function fuzzRuns(runs: number): { numRuns: number; seed?: number } {
  return {
    numRuns: Number(process.env.FUZZ_RUNS ?? runs),
    ...(process.env.FUZZ_SEED ? { seed: Number(process.env.FUZZ_SEED) } : {}),
  }
}
