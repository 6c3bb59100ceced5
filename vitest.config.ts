import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Two test files at a time: many tests wait on the processes, servers and browsers they start, so a second
    // file overlaps those waits (vitest's default on 2 cores is one file at a time).
    maxWorkers: 2,
    // Commands the tests start run the TypeScript sources, as edited (test/cli/compiledCli.test.ts runs the
    // build; LEAFLETS_TEST_CLI=build runs every test of the CLI helper against it).
    env: { LEAFLETS_RUN: "source" },
  },
});
