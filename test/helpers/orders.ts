// A valid order for tests to spread and override: pomalidomide 4 mg, pd-28, three cycles from
// 1 December 2026 (a fixed date: nothing here depends on today); the order of the FHIR fixture bundle; and
// checks of validateOrder's answer.
import { expect } from "vitest";
import type { Catalog } from "../../src/catalog/catalogTypes.ts";
import type { FieldProblem } from "../../src/core/errors.ts";
import type { Order } from "../../src/order/orderTypes.ts";
import { validateOrder } from "../../src/order/validateOrder.ts";

/** An order as it arrives (JSON): the known fields, loosely typed so tests can also write invalid ones. */
export interface OrderInput {
  patientId?: unknown;
  name?: unknown;
  drug?: unknown;
  regimen?: unknown;
  doseMg?: unknown;
  startDate?: unknown;
  cycles?: unknown;
  pppCategory?: unknown;
  language?: unknown;
  dateOfBirth?: unknown;
  brand?: unknown;
  contact?: { nurseLine?: string; emergency?: string };
  [field: string]: unknown;
}

export function baseOrder(): OrderInput {
  return {
    patientId: "T-0001",
    name: "Test Patiënt",
    drug: "pomalidomide",
    regimen: "pd-28",
    doseMg: 4,
    startDate: "2026-12-01",
    cycles: 3,
    pppCategory: "woman-childbearing",
    language: "en",
  };
}

/** The order test/fixtures/fhir/bundle-collection.json holds, written as a JSON order (fictional patient). */
export const FHIR_BUNDLE_ORDER: OrderInput = {
  ...baseOrder(),
  patientId: "FHIR-0001",
  name: "Zoë de Vries",
  language: "nl",
  dateOfBirth: "1958-04-30",
  contact: { nurseLine: "+31 20 555 0111", emergency: "+31 20 555 0122" },
};

/** Checks of validateOrder against `catalog` (each may name another catalog, e.g. a changed project copy). */
export function orderChecks(catalog: Catalog) {
  /** The problems of an order that must be refused. */
  function problemsFor(input: unknown, cat: Catalog = catalog): FieldProblem[] {
    const result = validateOrder(input, cat);
    if (result.ok) throw new Error(`expected a refusal, but the order was accepted: ${JSON.stringify(result.order)}`);
    return result.problems;
  }
  /** The order is refused with exactly one problem, on `field`, whose message matches `message`. */
  function expectOnlyProblem(input: unknown, field: string, message: RegExp, cat: Catalog = catalog): void {
    const problems = problemsFor(input, cat);
    expect(problems, JSON.stringify(problems)).toHaveLength(1);
    expect(problems[0]?.field).toBe(field);
    expect(problems[0]?.message).toMatch(message);
  }
  /** The order as validateOrder accepts it (fails the test when it is refused). */
  function expectAccepted(input: unknown): Order {
    const result = validateOrder(input, catalog);
    expect(result.ok, result.ok ? "" : JSON.stringify(result.problems)).toBe(true);
    if (!result.ok) throw new Error("refused");
    return result.order;
  }
  return { problemsFor, expectOnlyProblem, expectAccepted };
}
