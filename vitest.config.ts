import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Commands the tests start run the TypeScript sources, as edited (test/cli/compiledCli.test.ts runs the
    // build; LEAFLETS_TEST_CLI=build runs every test of the CLI helper against it).
    env: { LEAFLETS_RUN: "source" },
  },
});
