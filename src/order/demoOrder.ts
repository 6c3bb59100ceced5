// The built-in demo patient for `leaflets generate --demo`: fictional, with a name that exercises
// Latin Extended letters, so the demo also proves the fonts.
export const DEMO_ORDER = {
  patientId: "DEMO-0001",
  name: "Zoë Çelik-Łukasz",
  drug: "pomalidomide",
  regimen: "pd-28",
  doseMg: 4,
  startDate: "2026-12-01",
  cycles: 3,
  pppCategory: "woman-childbearing",
  language: "en",
  dateOfBirth: "1961-03-14",
} as const;
