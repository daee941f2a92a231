import { describe, expect, it } from "vitest";
import { workerExecArgv } from "../../scripts/worker-heap";

describe("the HTTP workers' V8 flags", () => {
  it("keep the primary's flags and add the larger young generation", () => {
    expect(workerExecArgv(["--import", "tsx"])).toEqual([
      "--import",
      "tsx",
      "--max-semi-space-size=64",
    ]);
  });

  it("leave an operator's own young-generation size alone", () => {
    expect(workerExecArgv(["--max-semi-space-size=16"])).toEqual(["--max-semi-space-size=16"]);
    expect(
      workerExecArgv(["--import", "tsx"], "--max_semi_space_size=32 --enable-source-maps"),
    ).toEqual(["--import", "tsx"]);
  });
});
