// Reads one regimen file (YAML), checks it against the schema and the rules a calendar depends on,
// and turns its day notation ("1-21", [1, 8], by-cycle phases) into the engine's Regimen shape.
// Two kinds: `cycles` (the default: daily doses in repeating cycles) and `visits` (doses given at visits).
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { type ConfigProblem, problemsFromZod } from "../core/configProblem.ts";
import type { CyclePhase, Regimen, VisitRegimen } from "../regimen/regimenTypes.ts";

const dayList = z.union([z.string().regex(/^\d+-\d+$/, 'write a range as "1-21"'), z.array(z.number().int())]);

const doseSchema = z
  .strictObject({
    fromOrder: z.literal("doseMg").optional(),
    amount: z.number().positive().optional(),
    unit: z.string().min(1),
    allowed: z.array(z.number().positive()).min(1).optional(),
    reduced: z.strictObject({ olderThan: z.number().int().positive(), amount: z.number().positive() }).optional(),
  })
  .refine((d) => (d.fromOrder === undefined) !== (d.amount === undefined), {
    message: "give either `amount` or `fromOrder`, not both or neither",
  })
  .refine((d) => d.fromOrder === undefined || d.allowed !== undefined, {
    message: "a dose taken from the order needs the list of `allowed` strengths",
  });

const componentSchema = z
  .strictObject({
    drug: z.string().min(1),
    dose: doseSchema,
    days: dayList.optional(),
    byCycle: z
      .array(z.strictObject({ cycles: z.string().regex(/^\d+-\d*$/, 'write cycles as "1-8" or "9-"'), days: dayList }))
      .min(1)
      .optional(),
  })
  .refine((c) => (c.days === undefined) !== (c.byCycle === undefined), {
    message: "give either `days` (every cycle) or `byCycle`, not both or neither",
  });

const common = {
  id: z.string().regex(/^[a-z0-9-]+$/, "use lower-case letters, digits and '-'"),
  drug: z.string().min(1),
  source: z.string().min(10, "name the source (document and section) a pharmacist can check"),
};

const regimenSchema = z.strictObject({
  ...common,
  kind: z.literal("cycles").optional(),
  cycleDays: z.number().int().min(1).max(84),
  components: z.array(componentSchema).min(1),
});

const visitDose = {
  strength: z.string().min(1),
  level: z.enum(["lower", "higher"]),
  maxVolumeMl: z.number().positive().optional(),
};

const visitRegimenSchema = z.strictObject({
  ...common,
  kind: z.literal("visits"),
  visits: z
    .array(z.strictObject({ afterDays: z.number().int().min(0).max(365), ...visitDose }))
    .min(1)
    .superRefine((visits, ctx) => {
      visits.forEach((visit, i) => {
        if (i === 0 && visit.afterDays !== 0) {
          ctx.addIssue({
            code: "custom",
            path: [0, "afterDays"],
            message: "the first visit is on the start date: afterDays 0",
          });
        }
        if (i > 0 && visit.afterDays < 1) {
          ctx.addIssue({
            code: "custom",
            path: [i, "afterDays"],
            message: "a later visit must come at least 1 day after the previous one",
          });
        }
      });
    }),
  repeat: z.strictObject({ everyDays: z.number().int().min(1).max(365), ...visitDose }),
});

export interface LoadedRegimen {
  regimen?: Regimen;
  problems: ConfigProblem[];
}

export function loadRegimen(path: string): LoadedRegimen {
  const file = `templates/regimens/${basename(path)}`;
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(path, "utf8"));
  } catch (error) {
    return { problems: [{ file, key: "", message: `not readable YAML: ${(error as Error).message}` }] };
  }
  if (typeof raw === "object" && raw !== null && (raw as { kind?: unknown }).kind === "visits") {
    return loadVisitRegimen(file, basename(path), raw);
  }
  const parsed = regimenSchema.safeParse(raw);
  if (!parsed.success) return { problems: problemsFromZod(file, parsed.error) };
  const data = parsed.data;
  const problems: ConfigProblem[] = idProblems(file, data.id, basename(path));
  const components = data.components.map((component, index) => {
    const key = `components.${index}`;
    const phases: CyclePhase[] = component.byCycle
      ? component.byCycle.map((phase) => ({ ...cycleRange(phase.cycles), days: expandDays(phase.days) }))
      : [{ fromCycle: 1, days: expandDays(component.days ?? []) }];
    const where = (i: number) => (component.byCycle ? `${key}.byCycle.${i}` : `${key}.days`);
    problems.push(...checkPhases(file, where, phases, data.cycleDays));
    return { drug: component.drug, dose: component.dose, phases };
  });
  if (!components.some((c) => c.drug === data.drug)) {
    problems.push({ file, key: "components", message: `no component for the regimen's own drug "${data.drug}"` });
  }
  if (problems.length > 0) return { problems };
  return { regimen: { ...data, kind: "cycles", components }, problems };
}

function loadVisitRegimen(file: string, fileName: string, raw: unknown): LoadedRegimen {
  const parsed = visitRegimenSchema.safeParse(raw);
  if (!parsed.success) return { problems: problemsFromZod(file, parsed.error) };
  const problems = idProblems(file, parsed.data.id, fileName);
  const regimen: VisitRegimen = parsed.data;
  return problems.length > 0 ? { problems } : { regimen, problems };
}

function idProblems(file: string, id: string, fileName: string): ConfigProblem[] {
  return `${id}.yaml` === fileName ? [] : [{ file, key: "id", message: `the id "${id}" must match the file name` }];
}

function cycleRange(text: string): { fromCycle: number; toCycle?: number } {
  const [from, to] = text.split("-");
  return to ? { fromCycle: Number(from), toCycle: Number(to) } : { fromCycle: Number(from) };
}

function expandDays(days: string | number[]): number[] {
  if (Array.isArray(days)) return days;
  const [from, to] = days.split("-").map(Number) as [number, number];
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
}

/** Phases must cover cycle 1 onwards without gaps or overlaps, end open, and name real, distinct cycle days. */
function checkPhases(
  file: string,
  keyOf: (phase: number) => string,
  phases: CyclePhase[],
  cycleDays: number,
): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  let expected = 1;
  phases.forEach((phase, i) => {
    const where = keyOf(i);
    if (phase.fromCycle !== expected) {
      problems.push({
        file,
        key: where,
        message: `cycles must continue from cycle ${expected} without gaps or overlaps`,
      });
    }
    if (phase.toCycle !== undefined && phase.toCycle < phase.fromCycle) {
      problems.push({ file, key: where, message: "the cycle range ends before it starts" });
    }
    if (phase.toCycle === undefined && i !== phases.length - 1) {
      problems.push({ file, key: where, message: 'only the last range may be open-ended ("9-")' });
    }
    if (i === phases.length - 1 && phase.toCycle !== undefined) {
      problems.push({ file, key: where, message: 'the last range must be open-ended ("9-") so every cycle has days' });
    }
    if (phase.days.length === 0) problems.push({ file, key: where, message: "no days given" });
    if (new Set(phase.days).size !== phase.days.length)
      problems.push({ file, key: where, message: "a day is listed twice" });
    for (const day of phase.days) {
      if (day < 1 || day > cycleDays) {
        problems.push({ file, key: where, message: `day ${day} is outside the ${cycleDays}-day cycle` });
      }
    }
    expected = (phase.toCycle ?? Number.POSITIVE_INFINITY) + 1;
  });
  return problems;
}
