// The error catalog (src/core/errors.ts): every code has an exit code and an HTTP status, describeProblem is the
// one translation the command line, the server and batch reports use, and no module of src/ throws an error
// from outside the catalog (a bare `new Error(` or a class of its own).
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { loadCatalog } from "../../src/catalog/loadCatalog.ts";
import { logoImage } from "../../src/catalog/logoImages.ts";
import { EXIT, EXIT_CODE_OF } from "../../src/cli/shared/exitCodes.ts";
import { countPages } from "../../src/core/countPages.ts";
import {
  ConfigError,
  describeProblem,
  ERROR_CODES,
  type ErrorCode,
  FileReadProblem,
  HttpError,
  httpError,
  InputError,
  InternalError,
  LeafletError,
  OrderRefusedError,
  UsageError,
} from "../../src/core/errors.ts";
import { patientFolderName } from "../../src/output/fileNames.ts";

const SRC = join(import.meta.dirname, "../../src");
const CATALOG = "core/errors.ts";

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Lines of src/ outside the catalog that match `pattern`, as "file:line: text". */
function linesMatching(pattern: RegExp): string[] {
  return sourceFiles(SRC).flatMap((file) => {
    const name = relative(SRC, file);
    if (name === CATALOG || name === join("core", CATALOG)) return [];
    return readFileSync(file, "utf8")
      .split("\n")
      .flatMap((line, index) => (pattern.test(line) ? [`${name}:${index + 1}: ${line.trim()}`] : []));
  });
}

describe("every error of src/ comes from the catalog", () => {
  it("has no bare `new Error(` outside src/core/errors.ts", () => {
    expect(linesMatching(/\bnew Error\(/)).toEqual([]);
  });

  it("has no error class outside src/core/errors.ts", () => {
    expect(linesMatching(/\bextends (Error|LeafletError)\b/)).toEqual([]);
  });

  it("has no `internal:` message: a defect is an InternalError, which says so itself", () => {
    expect(linesMatching(/["'`]internal: /)).toEqual([]);
  });
});

describe("ERROR_CODES maps every code to an exit code and an HTTP status", () => {
  const codes = Object.keys(ERROR_CODES) as ErrorCode[];

  it.each(codes)("%s", (code) => {
    const entry = ERROR_CODES[code];
    expect([EXIT.refused, EXIT.usage]).toContain(EXIT_CODE_OF[entry.exit]);
    expect(Number.isInteger(entry.status)).toBe(true);
    expect(entry.status).toBeGreaterThanOrEqual(400);
    expect(entry.status).toBeLessThan(600);
  });

  it("gives each status a server's request error can have one request code", () => {
    const statuses = codes.flatMap((code) => {
      const entry: { status: number; request?: true } = ERROR_CODES[code];
      return entry.request ? [entry.status] : [];
    });
    expect(new Set(statuses).size).toBe(statuses.length);
    for (const status of [400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 503])
      expect(httpError(status, "(request)", "x").status).toBe(status);
    expect(httpError(404, "(request)", "no such page").code).toBe("REQUEST_NOT_FOUND");
    expect(httpError(418, "(request)", "x").code).toBe("REQUEST_FAILED");
  });

  it("keeps the exit codes scripts rely on: a refused order 1, a bad invocation or broken data file 2", () => {
    const exitOf = (error: unknown) => EXIT_CODE_OF[describeProblem(error).exit];
    expect(exitOf(new OrderRefusedError([{ field: "drug", message: "x" }]))).toBe(1);
    expect(exitOf(new UsageError("x"))).toBe(2);
    expect(exitOf(new ConfigError("templates/x.yaml", "k", "x"))).toBe(2);
    expect(exitOf(new InputError("x"))).toBe(2);
    expect(exitOf(new InternalError("x"))).toBe(2);
    expect(exitOf(new TypeError("x"))).toBe(2);
  });
});

describe("describeProblem", () => {
  it("lists a refused order's problems by field", () => {
    const problems = [
      { field: "drug", message: "unknown" },
      { field: "startDate", message: "not a date" },
    ];
    const problem = describeProblem(new OrderRefusedError(problems));
    expect(problem).toMatchObject({ code: "ORDER_REFUSED", problems, status: 422, internal: false });
    expect(problem.hint).toMatch(/Correct the fields/);
  });

  it("names a data file's problem by file and key, an invocation's and an input's by what they are", () => {
    expect(describeProblem(new ConfigError("templates/a.yaml", "k", "bad")).problems).toEqual([
      { field: "templates/a.yaml#k", message: "templates/a.yaml (k): bad" },
    ]);
    expect(describeProblem(new UsageError("no")).problems[0]?.field).toBe("(invocation)");
    expect(describeProblem(new InputError("no")).problems[0]?.field).toBe("(input)");
    expect(describeProblem(new FileReadProblem("a.json", "no such file")).problems).toEqual([
      { field: "(document)", message: "cannot read a.json: no such file" },
    ]);
  });

  it("keeps a request error's status, problems and code", () => {
    const error = new HttpError(413, [{ field: "(request)", message: "too large" }]);
    expect(describeProblem(error)).toMatchObject({ code: "REQUEST_TOO_LARGE", status: 413, problems: error.errors });
  });

  it("marks a defect as internal, with its code and a message that says to report it", () => {
    const problem = describeProblem(new InternalError("two calendar days on one date"));
    expect(problem).toMatchObject({ code: "INTERNAL", internal: true, status: 500 });
    expect(problem.message).toMatch(/^internal error: two calendar days on one date \(a defect .*report it\)$/);
  });

  it("shows only the kind of an error from outside the catalog, whose text could hold a patient's data", () => {
    const problem = describeProblem(new RangeError("Jan Jansen 1961-02-03"));
    expect(problem).toMatchObject({ code: "INTERNAL", internal: true, message: "internal error (RangeError)" });
    expect(JSON.stringify(problem.problems)).not.toContain("Jansen");
    expect(problem.detail).toContain("Jansen"); // for the local terminal only
    expect(new InternalError("x")).toBeInstanceOf(LeafletError);
  });
});

describe("conditions a user can cause have their own codes, not INTERNAL", () => {
  const codeOf = (action: () => unknown) => describeProblem(catching(action)).code;

  it("a project folder without locales/ (leaflets list --project DIR)", () => {
    expect(codeOf(() => loadCatalog("/nonexistent/leaflets-project"))).toBe("PROJECT_NOT_FOUND");
  });

  it("a patient id that cannot name a folder (a library caller's unvalidated order)", () => {
    const problem = describeProblem(catching(() => patientFolderName("")));
    expect(problem).toMatchObject({ code: "ORDER_REFUSED", exit: "refused" });
    expect(problem.problems).toEqual([{ field: "patientId", message: "cannot be used as a folder name" }]);
  });

  it("a logo that was not loaded with the catalog, and a PDF without a page count", () => {
    expect(codeOf(() => logoImage("/nowhere/logo.png"))).toBe("LOGO_NOT_LOADED");
    expect(codeOf(() => countPages(new TextEncoder().encode("%PDF-1.7 no pages")))).toBe("PDF_UNREADABLE");
  });
});

function catching(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error("expected an error");
}
