// A valid order for tests to spread and override: pomalidomide 4 mg, pd-28, three cycles from
// 1 December 2026 (a fixed date: nothing here depends on today).

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
