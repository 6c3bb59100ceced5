// The parts of FHIR R4 resources that an order is read from, as zod schemas checked against the R4 type
// definitions (@types/fhir): only what is read is described, everything else in a resource is ignored.
// A value of the wrong type fails here with its path (e.g. dispenseRequest.numberOfRepeatsAllowed).
import type {
  Bundle,
  CodeableConcept,
  Coding,
  ContactPoint,
  Dosage,
  HumanName,
  Identifier,
  MedicationRequest,
  Observation,
  Patient,
  Period,
  Quantity,
  Reference,
} from "fhir/r4.js";
import { z } from "zod";

/** Every field optional, as FHIR has them, keeping only the named ones. */
type Read<T, K extends keyof T> = { [P in K]?: T[P] | undefined };

const text = z.string({ error: "must be a string" });

export const codingSchema: z.ZodType<Read<Coding, "system" | "code" | "display">> = z.object({
  system: text.optional(),
  code: text.optional(),
  display: text.optional(),
});

export const codeableConceptSchema: z.ZodType<
  Read<CodeableConcept, "text"> & { coding?: Read<Coding, "system" | "code" | "display">[] | undefined }
> = z.object({ coding: z.array(codingSchema).optional(), text: text.optional() });

export const referenceSchema: z.ZodType<Read<Reference, "reference">> = z.object({ reference: text.optional() });

const quantitySchema: z.ZodType<Read<Quantity, "value" | "unit" | "system" | "code">> = z.object({
  value: z.number({ error: "must be a number" }).optional(),
  unit: text.optional(),
  system: text.optional(),
  code: text.optional(),
});

const periodSchema: z.ZodType<Read<Period, "start" | "end">> = z.object({
  start: text.optional(),
  end: text.optional(),
});

export const dosageSchema = z.object({
  timing: z.object({ repeat: z.object({ boundsPeriod: periodSchema.optional() }).optional() }).optional(),
  doseAndRate: z
    .array(z.object({ doseQuantity: quantitySchema.optional(), doseRange: z.object({}).optional() }))
    .optional(),
  /** Not R4: STU3 put the dose here. Read only to say so. */
  doseQuantity: z.unknown().optional(),
}) satisfies z.ZodType<Read<Dosage, "timing" | "doseAndRate"> & { doseQuantity?: unknown }>;

export const medicationRequestSchema = z.object({
  resourceType: z.literal("MedicationRequest"),
  id: text.optional(),
  status: z.enum(["active", "on-hold", "cancelled", "completed", "entered-in-error", "stopped", "draft", "unknown"], {
    error:
      "must be an R4 MedicationRequest status (active, on-hold, cancelled, completed, entered-in-error, stopped, draft, unknown)",
  }),
  intent: z
    .enum(["proposal", "plan", "order", "original-order", "reflex-order", "filler-order", "instance-order", "option"], {
      error: "must be an R4 MedicationRequest intent (proposal, plan, order, …)",
    })
    .optional(),
  medicationCodeableConcept: codeableConceptSchema.optional(),
  medicationReference: referenceSchema.optional(),
  subject: referenceSchema,
  authoredOn: text.optional(),
  requester: referenceSchema.optional(),
  instantiatesCanonical: z.array(text).optional(),
  dosageInstruction: z.array(dosageSchema).optional(),
  dispenseRequest: z
    .object({
      numberOfRepeatsAllowed: z
        .number({ error: "must be a whole number" })
        .int("must be a whole number")
        .min(0, "must be 0 or more")
        .optional(),
    })
    .optional(),
  contained: z.array(z.looseObject({ resourceType: text, id: text.optional() })).optional(),
}) satisfies z.ZodType<
  Read<MedicationRequest, "id" | "status" | "intent" | "authoredOn" | "instantiatesCanonical"> & {
    resourceType: "MedicationRequest";
  }
>;

export type ReadMedicationRequest = z.infer<typeof medicationRequestSchema>;

const identifierSchema: z.ZodType<Read<Identifier, "system" | "value">> = z.object({
  system: text.optional(),
  value: text.optional(),
});

const humanNameSchema: z.ZodType<Read<HumanName, "use" | "text" | "family" | "given">> = z.object({
  use: z.enum(["usual", "official", "temp", "nickname", "anonymous", "old", "maiden"]).optional(),
  text: text.optional(),
  family: text.optional(),
  given: z.array(text).optional(),
});

export const patientSchema = z.object({
  resourceType: z.literal("Patient"),
  id: text.optional(),
  identifier: z.array(identifierSchema).optional(),
  name: z.array(humanNameSchema).optional(),
  birthDate: text.optional(),
  communication: z
    .array(
      z.object({
        language: codeableConceptSchema,
        preferred: z.boolean({ error: "must be true or false" }).optional(),
      }),
    )
    .optional(),
}) satisfies z.ZodType<Read<Patient, "id" | "birthDate"> & { resourceType: "Patient" }>;

export type ReadPatient = z.infer<typeof patientSchema>;

export const observationSchema = z.object({
  resourceType: z.literal("Observation"),
  status: z
    .enum(["registered", "preliminary", "final", "amended", "corrected", "cancelled", "entered-in-error", "unknown"], {
      error: "must be an R4 Observation status (final, amended, …)",
    })
    .optional(),
  code: codeableConceptSchema,
  subject: referenceSchema.optional(),
  valueCodeableConcept: codeableConceptSchema.optional(),
}) satisfies z.ZodType<Read<Observation, "status"> & { resourceType: "Observation" }>;

const contactPointSchema: z.ZodType<Read<ContactPoint, "system" | "value" | "use" | "rank">> = z.object({
  system: z.enum(["phone", "fax", "email", "pager", "url", "sms", "other"]).optional(),
  value: text.optional(),
  use: z.enum(["home", "work", "temp", "old", "mobile"]).optional(),
  rank: z.number().optional(),
});

/** Organization or PractitionerRole: its phone numbers, and a PractitionerRole's organization. */
export const requesterSchema = z.object({
  resourceType: text,
  telecom: z.array(contactPointSchema).optional(),
  organization: referenceSchema.optional(),
});

export const resourceSchema = z.looseObject({ resourceType: text, id: text.optional() });

export const bundleSchema = z.object({
  resourceType: z.literal("Bundle"),
  type: z.enum(
    [
      "document",
      "message",
      "transaction",
      "transaction-response",
      "batch",
      "batch-response",
      "history",
      "searchset",
      "collection",
    ],
    {
      error: "must be a Bundle type of FHIR R4 (collection, transaction, batch, searchset, document, …)",
    },
  ),
  entry: z.array(z.object({ fullUrl: text.optional(), resource: resourceSchema.optional() })).optional(),
}) satisfies z.ZodType<Read<Bundle, "type"> & { resourceType: "Bundle" }>;

/** "Bundle.entry[2].resource" + ["dosageInstruction", 0, "doseAndRate"] → "Bundle.entry[2].resource.dosageInstruction[0].doseAndRate". */
export function fhirPath(base: string, path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (at, part) => (typeof part === "number" ? `${at}[${part}]` : `${at}.${String(part)}`),
    base,
  );
}

/** Each zod issue as a problem at its FHIR path. Messages are zod's or ours, never the value. */
export function problemsAt(base: string, error: z.ZodError): { field: string; message: string }[] {
  return error.issues.map((issue) => ({ field: fhirPath(base, issue.path), message: issue.message }));
}
