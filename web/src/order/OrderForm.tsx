// The order form: the fields of `leaflets generate`'s order, with choices taken from the server's catalog
// (only the chosen medicine's regimens and strengths; PPP category only where the medicine needs it).
// It holds no rules of its own: every problem shown comes from the server's validator.
import type { ChangeEvent, FocusEvent, KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import { Field } from "./Field.tsx";
import { type Catalog, type DateField, drugOf, type FormValues, uses, withBrand, withDrug } from "./formValues.ts";

interface OrderFormProps {
  catalog: Catalog;
  values: FormValues;
  onChange: (values: FormValues) => void;
  /** The problems to show beside a field (server messages, only for fields the nurse has been to). */
  messagesFor: (field: string) => string[];
  onTouch: (field: string) => void;
  onBadDate: (field: DateField, bad: boolean) => void;
}

export function OrderForm({ catalog, values, onChange, messagesFor, onTouch, onBadDate }: OrderFormProps) {
  const { t, i18n } = useTranslation();
  const labels = catalog.labels[i18n.language] ?? catalog.labels.en;
  const drug = drugOf(catalog, values);
  const regimen = drug?.regimens.find((r) => r.id === values.regimen);
  const set = (field: keyof FormValues) => (event: ChangeEvent<HTMLInputElement | HTMLSelectElement>) => {
    const target = event.currentTarget;
    const value = target instanceof HTMLInputElement && target.type === "checkbox" ? target.checked : target.value;
    onChange({ ...values, [field]: value });
    if (target instanceof HTMLSelectElement || target.type === "checkbox") onTouch(field);
  };
  const touch = (field: string) => () => onTouch(field);
  const checkDate = (field: DateField) => (event: FocusEvent<HTMLInputElement> | KeyboardEvent<HTMLInputElement>) => {
    onBadDate(field, event.currentTarget.validity.badInput);
    if (event.type === "blur") onTouch(field);
  };
  const dateChanged = (field: DateField) => (event: ChangeEvent<HTMLInputElement>) => {
    onBadDate(field, event.currentTarget.validity.badInput);
    onChange({ ...values, [field]: event.currentTarget.value });
  };
  const printable = catalog.languages;
  const required = (field: string) => catalog.requiredFields.includes(field) || drug?.orderFields[field] === "required";

  return (
    <form className="order-form" noValidate onSubmit={(event) => event.preventDefault()}>
      <fieldset>
        <legend>{t("form.patient")}</legend>
        <Field name="name" label={t("fields.name")} required messages={messagesFor("name")}>
          {(input) => (
            <input
              {...input}
              type="text"
              autoComplete="off"
              maxLength={catalog.limits.maxNameLength + 20}
              value={values.name}
              onChange={set("name")}
              onBlur={touch("name")}
            />
          )}
        </Field>
        <Field
          name="patientId"
          label={t("fields.patientId")}
          hint={t("hints.patientId")}
          required
          messages={messagesFor("patientId")}
        >
          {(input) => (
            <input
              {...input}
              type="text"
              autoComplete="off"
              spellCheck={false}
              value={values.patientId}
              onChange={set("patientId")}
              onBlur={touch("patientId")}
            />
          )}
        </Field>
        <Field
          name="dateOfBirth"
          label={t("fields.dateOfBirth")}
          hint={t("hints.dateOfBirth")}
          required={required("dateOfBirth")}
          messages={messagesFor("dateOfBirth")}
        >
          {(input) => (
            <input
              {...input}
              type="date"
              max="2100-12-31"
              value={values.dateOfBirth}
              onChange={dateChanged("dateOfBirth")}
              onBlur={checkDate("dateOfBirth")}
              onKeyUp={checkDate("dateOfBirth")}
            />
          )}
        </Field>
      </fieldset>

      <fieldset>
        <legend>{t("form.treatment")}</legend>
        <Field name="drug" label={t("fields.drug")} required messages={messagesFor("drug")}>
          {(input) => (
            <select
              {...input}
              value={values.drug}
              onChange={(event) => {
                onChange(withDrug(values, catalog, event.currentTarget.value));
                onTouch("drug");
              }}
            >
              {catalog.drugs.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.brandName} ({d.id})
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          name="regimen"
          label={t("fields.regimen")}
          hint={regimen ? labels?.regimens[regimen.id] : undefined}
          required
          messages={messagesFor("regimen")}
        >
          {(input) => (
            <select {...input} value={values.regimen} onChange={set("regimen")}>
              {(drug?.regimens ?? []).map((r) => (
                <option key={r.id} value={r.id}>
                  {r.id} —{" "}
                  {r.plan.kind === "cycles"
                    ? t("regimen.cycles", { days: r.plan.cycleDays })
                    : t("regimen.visits", { days: r.plan.everyDays })}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          name="startDate"
          label={t("fields.startDate")}
          hint={t("hints.startDate")}
          required
          messages={messagesFor("startDate")}
        >
          {(input) => (
            <input
              {...input}
              type="date"
              max="2100-12-31"
              value={values.startDate}
              onChange={dateChanged("startDate")}
              onBlur={checkDate("startDate")}
              onKeyUp={checkDate("startDate")}
            />
          )}
        </Field>
        {uses(catalog, values, "doseMg") ? (
          <Field
            name="doseMg"
            label={t("fields.doseMg")}
            required={required("doseMg")}
            messages={messagesFor("doseMg")}
          >
            {(input) => (
              <select {...input} value={values.doseMg} onChange={set("doseMg")}>
                <option value="">{t("form.choose")}</option>
                {(regimen?.doses?.allowed ?? []).map((dose) => (
                  <option key={dose} value={String(dose)}>
                    {dose} {regimen?.doses?.unit}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
        {uses(catalog, values, "cycles") ? (
          <Field
            name="cycles"
            label={t("fields.cycles")}
            hint={t("hints.cycles", { max: catalog.limits.maxCycles })}
            required={required("cycles")}
            messages={messagesFor("cycles")}
          >
            {(input) => (
              <input
                {...input}
                type="number"
                inputMode="numeric"
                min={1}
                max={catalog.limits.maxCycles}
                step={1}
                value={values.cycles}
                onChange={set("cycles")}
                onBlur={touch("cycles")}
              />
            )}
          </Field>
        ) : null}
        {uses(catalog, values, "months") ? (
          <Field
            name="months"
            label={t("fields.months")}
            hint={t("hints.months", { max: catalog.limits.maxMonths })}
            required={required("months")}
            messages={messagesFor("months")}
          >
            {(input) => (
              <input
                {...input}
                type="number"
                inputMode="numeric"
                min={1}
                max={catalog.limits.maxMonths}
                step={1}
                value={values.months}
                onChange={set("months")}
                onBlur={touch("months")}
              />
            )}
          </Field>
        ) : null}
        {uses(catalog, values, "pppCategory") ? (
          <Field
            name="pppCategory"
            label={t("fields.pppCategory")}
            hint={t("hints.pppCategory")}
            required={required("pppCategory")}
            messages={messagesFor("pppCategory")}
          >
            {(input) => (
              <select {...input} value={values.pppCategory} onChange={set("pppCategory")}>
                <option value="">{t("form.choose")}</option>
                {catalog.pppCategories.map((category) => (
                  <option key={category} value={category}>
                    {labels?.ppp[category] ?? category}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
      </fieldset>

      <fieldset>
        <legend>{t("form.leaflet")}</legend>
        <Field name="language" label={t("fields.language")} required messages={messagesFor("language")}>
          {(input) => (
            <select {...input} value={values.language} onChange={set("language")}>
              {printable.map((l) => (
                <option key={l.code} value={l.code} disabled={!l.printable} lang={l.code}>
                  {l.name} ({l.code}){l.printable ? "" : ` — ${t("form.notPrintable")}`}
                </option>
              ))}
            </select>
          )}
        </Field>
        {uses(catalog, values, "secondLanguage") ? (
          <Field
            name="secondLanguage"
            label={t("fields.secondLanguage")}
            hint={t("hints.secondLanguage")}
            messages={messagesFor("secondLanguage")}
          >
            {(input) => (
              <select {...input} value={values.secondLanguage} onChange={set("secondLanguage")}>
                <option value="">{t("form.none")}</option>
                {printable
                  .filter((l) => l.printable && l.code !== values.language)
                  .map((l) => (
                    <option key={l.code} value={l.code} lang={l.code}>
                      {l.name} ({l.code})
                    </option>
                  ))}
              </select>
            )}
          </Field>
        ) : null}
        {uses(catalog, values, "largePrint") ? (
          <div className="field checkbox-field" data-field="largePrint">
            <input id="field-largePrint" type="checkbox" checked={values.largePrint} onChange={set("largePrint")} />
            <label htmlFor="field-largePrint">{t("fields.largePrint")}</label>
            {messagesFor("largePrint").map((message) => (
              <p key={message} className="field-error" data-error-for="largePrint">
                {t("form.errorFormat", { label: t("fields.largePrint"), message })}
              </p>
            ))}
          </div>
        ) : null}
        <Field name="paper" label={t("fields.paper")} hint={t("hints.paper")} required messages={[]}>
          {(input) => (
            <select {...input} value={values.paper} onChange={set("paper")}>
              {catalog.paperSizes.map((size) => (
                <option key={size} value={size}>
                  {size}
                </option>
              ))}
            </select>
          )}
        </Field>
        {drug?.documents.includes("card") ? (
          <Field
            name="cardFormat"
            label={t("fields.cardFormat")}
            hint={values.cardFormat === "sheet" ? t("hints.cardSheet") : undefined}
            required
            messages={[]}
          >
            {(input) => (
              <select {...input} value={values.cardFormat} onChange={set("cardFormat")}>
                <option value="id1">{t("fields.cardId1")}</option>
                <option value="sheet">{t("fields.cardSheet", { paper: values.paper })}</option>
              </select>
            )}
          </Field>
        ) : null}
        <div className="field checkbox-field" data-field="duplex">
          <input
            id="field-duplex"
            type="checkbox"
            aria-describedby="field-duplex-hint"
            checked={values.duplex}
            onChange={set("duplex")}
          />
          <div>
            <label htmlFor="field-duplex">{t("fields.duplex")}</label>
            <p className="hint" id="field-duplex-hint">
              {t("hints.duplex")}
            </p>
          </div>
        </div>
      </fieldset>

      <fieldset>
        <legend>{t("form.contact")}</legend>
        <Field name="brand" label={t("fields.brand")} required messages={messagesFor("brand")}>
          {(input) => (
            <select
              {...input}
              value={values.brand}
              onChange={(event) => onChange(withBrand(values, catalog, event.currentTarget.value))}
            >
              {catalog.brands.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name} ({b.id})
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          name="contact.nurseLine"
          label={t("fields.nurseLine")}
          hint={t("hints.phone")}
          required={false}
          messages={[...messagesFor("contact.nurseLine"), ...messagesFor("contact")]}
        >
          {(input) => (
            <input
              {...input}
              type="tel"
              autoComplete="off"
              value={values.nurseLine}
              onChange={set("nurseLine")}
              onBlur={touch("contact.nurseLine")}
            />
          )}
        </Field>
        <Field
          name="contact.emergency"
          label={t("fields.emergency")}
          hint={t("hints.phone")}
          required={false}
          messages={messagesFor("contact.emergency")}
        >
          {(input) => (
            <input
              {...input}
              type="tel"
              autoComplete="off"
              value={values.emergency}
              onChange={set("emergency")}
              onBlur={touch("contact.emergency")}
            />
          )}
        </Field>
      </fieldset>
    </form>
  );
}
