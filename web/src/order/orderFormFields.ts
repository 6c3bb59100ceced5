// The order form's fields, described for the one Field component, group by group: every order's own
// fields, then the chosen medicine's own as its drug file declares them (catalog.drugs[].fields: a dose
// from the regimen's strengths, a count, a choice). Choices come from the server's catalog; the form holds
// no rules of its own.
import type { TFunction } from "i18next";
import type { FieldDescription, FieldOption } from "./fieldDescription.ts";
import {
  type Catalog,
  type CatalogField,
  type DateField,
  drugOf,
  type FormValues,
  uses,
  withBrand,
  withDrug,
} from "./formValues.ts";

type CatalogLabels = Catalog["labels"][string];

export interface OrderFormContext {
  catalog: Catalog;
  values: FormValues;
  t: TFunction;
  /** The catalog's labels in the page's language, and in English for what that language lacks. */
  labels: CatalogLabels | undefined;
  fallbackLabels: CatalogLabels | undefined;
  onChange: (values: FormValues) => void;
  onTouch: (field: string) => void;
  onBadDate: (field: DateField, bad: boolean) => void;
  messagesFor: (field: string) => string[];
}

export interface FieldGroup {
  legend: string;
  fields: FieldDescription[];
}

type Element = HTMLInputElement | HTMLSelectElement;
type TextValue = Exclude<keyof FormValues, "fields" | "largePrint" | "duplex">;

export function orderFormFields(context: OrderFormContext): FieldGroup[] {
  const { catalog, values, t, labels, onChange, onTouch, messagesFor } = context;
  const drug = drugOf(catalog, values);
  const regimen = drug?.regimens.find((r) => r.id === values.regimen);
  const required = (field: string) => catalog.requiredFields.includes(field);
  /** A text input or list for one of the form's values; a list's change counts as a visit. */
  const plain = (
    name: string,
    key: TextValue,
    control: FieldDescription["control"],
    rest: Partial<FieldDescription> = {},
  ): FieldDescription => ({
    name,
    label: t(`fields.${key}`),
    required: required(name),
    messages: messagesFor(name),
    control,
    value: values[key],
    onChange: (element: Element) => {
      onChange({ ...values, [key]: element.value });
      if (control === "select") onTouch(name);
    },
    ...(control === "select" ? {} : { onBlur: () => onTouch(name) }),
    ...rest,
  });
  const date = (name: DateField): FieldDescription =>
    plain(name, name, "date", {
      hint: t(`hints.${name}`),
      attributes: { max: "2100-12-31" },
      onChange: (element) => {
        context.onBadDate(name, (element as HTMLInputElement).validity.badInput);
        onChange({ ...values, [name]: element.value });
      },
      onBlur: (element) => {
        context.onBadDate(name, element.validity.badInput);
        onTouch(name);
      },
      onKeyUp: (element) => context.onBadDate(name, element.validity.badInput),
    });
  const checkbox = (name: "largePrint" | "duplex", rest: Partial<FieldDescription> = {}): FieldDescription => ({
    name,
    label: t(`fields.${name}`),
    required: false,
    messages: [],
    control: "checkbox",
    value: values[name],
    onChange: (element) => {
      onChange({ ...values, [name]: (element as HTMLInputElement).checked });
      onTouch(name);
    },
    ...rest,
  });
  const options = (list: FieldOption[], first?: string): FieldOption[] =>
    first === undefined ? list : [{ value: "", label: first }, ...list];
  const printable = catalog.languages;

  const patient: FieldDescription[] = [
    plain("name", "name", "text", {
      required: true,
      attributes: { autoComplete: "off", maxLength: catalog.limits.maxNameLength + 20 },
    }),
    plain("patientId", "patientId", "text", {
      hint: t("hints.patientId"),
      required: true,
      attributes: { autoComplete: "off", spellCheck: false },
    }),
    date("dateOfBirth"),
  ];

  const treatment: FieldDescription[] = [
    plain("drug", "drug", "select", {
      required: true,
      options: catalog.drugs.map((d) => ({ value: d.id, label: `${d.brandName} (${d.id})` })),
      onChange: (element) => {
        onChange(withDrug(values, catalog, element.value));
        onTouch("drug");
      },
    }),
    plain("regimen", "regimen", "select", {
      hint: regimen ? labels?.regimens[regimen.id] : undefined,
      required: true,
      options: (drug?.regimens ?? []).map((r) => ({
        value: r.id,
        label: `${r.id} — ${
          r.plan.kind === "cycles"
            ? t("regimen.cycles", { days: r.plan.cycleDays })
            : t("regimen.visits", { days: r.plan.everyDays })
        }`,
      })),
    }),
    date("startDate"),
    ...(drug?.fields ?? []).map((field) => declaredField(context, field, regimen?.doses)),
  ];

  const leaflet: FieldDescription[] = [
    plain("language", "language", "select", {
      required: true,
      options: printable.map((l) => ({
        value: l.code,
        label: `${l.name} (${l.code})${l.printable ? "" : ` — ${t("form.notPrintable")}`}`,
        disabled: !l.printable,
        lang: l.code,
      })),
    }),
    ...(uses(catalog, "secondLanguage")
      ? [
          plain("secondLanguage", "secondLanguage", "select", {
            hint: t("hints.secondLanguage"),
            options: options(
              printable
                .filter((l) => l.printable && l.code !== values.language)
                .map((l) => ({ value: l.code, label: `${l.name} (${l.code})`, lang: l.code })),
              t("form.none"),
            ),
          }),
        ]
      : []),
    ...(uses(catalog, "largePrint") ? [checkbox("largePrint", { messages: messagesFor("largePrint") })] : []),
    plain("paper", "paper", "select", {
      hint: t("hints.paper"),
      required: true,
      messages: [],
      options: catalog.paperSizes.map((size) => ({ value: size, label: size })),
    }),
    ...(drug?.documents.includes("card")
      ? [
          plain("cardFormat", "cardFormat", "select", {
            hint: values.cardFormat === "sheet" ? t("hints.cardSheet") : undefined,
            required: true,
            messages: [],
            options: [
              { value: "id1", label: t("fields.cardId1") },
              { value: "sheet", label: t("fields.cardSheet", { paper: values.paper }) },
            ],
          }),
        ]
      : []),
    checkbox("duplex", { hint: t("hints.duplex") }),
  ];

  const contact: FieldDescription[] = [
    plain("brand", "brand", "select", {
      required: true,
      options: catalog.brands.map((b) => ({ value: b.id, label: `${b.name} (${b.id})` })),
      onChange: (element) => onChange(withBrand(values, catalog, element.value)),
    }),
    plain("contact.nurseLine", "nurseLine", "tel", {
      hint: t("hints.phone"),
      required: false,
      messages: [...messagesFor("contact.nurseLine"), ...messagesFor("contact")],
      attributes: { autoComplete: "off" },
    }),
    plain("contact.emergency", "emergency", "tel", {
      hint: t("hints.phone"),
      required: false,
      attributes: { autoComplete: "off" },
    }),
  ];

  return [
    { legend: t("form.patient"), fields: patient },
    { legend: t("form.treatment"), fields: treatment },
    { legend: t("form.leaflet"), fields: leaflet },
    { legend: t("form.contact"), fields: contact },
  ];
}

/** One of the medicine's own fields, as its drug file declares it. */
function declaredField(
  context: OrderFormContext,
  field: CatalogField,
  doses: { unit: string; allowed: number[] } | undefined,
): FieldDescription {
  const { values, t, onChange, onTouch } = context;
  const text = (key: string, params: Record<string, unknown> = {}) =>
    t(key, { ...params, defaultValue: context.labels?.texts[key] ?? context.fallbackLabels?.texts[key] ?? key });
  const set = (value: string) => onChange({ ...values, fields: { ...values.fields, [field.name]: value } });
  const choose = { value: "", label: t("form.choose") };
  const base = {
    name: field.name,
    label: text(field.label),
    hint: field.help ? text(field.help, { max: field.max }) : undefined,
    required: field.use === "required",
    messages: context.messagesFor(field.name),
    value: values.fields[field.name] ?? "",
  };
  if (field.type === "count") {
    return {
      ...base,
      control: "number",
      attributes: { inputMode: "numeric", min: 1, ...(field.max ? { max: field.max } : {}), step: 1 },
      onChange: (element) => set(element.value),
      onBlur: () => onTouch(field.name),
    };
  }
  const choices =
    field.type === "dose"
      ? (doses?.allowed ?? []).map((dose) => ({ value: String(dose), label: `${dose} ${doses?.unit}` }))
      : (field.values ?? []).map((v) => ({ value: v.value, label: text(v.name) }));
  return {
    ...base,
    control: "select",
    options: [choose, ...choices],
    onChange: (element) => {
      set(element.value);
      onTouch(field.name);
    },
  };
}
