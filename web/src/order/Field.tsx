// One labelled form field, drawn from its description: the input (text, phone, date, number, list or
// checkbox), its hint and, right below, the problems the server found with it. The input is tied to both by
// aria-describedby and marked aria-invalid, so a screen reader reads them too. Every field of the form is one.
import { useTranslation } from "react-i18next";
import type { FieldDescription } from "./fieldDescription.ts";

export function fieldId(name: string): string {
  return `field-${name.replace(/\./g, "-")}`;
}

export function Field({ field }: { field: FieldDescription }) {
  const { t } = useTranslation();
  const { name, label, hint, required, messages } = field;
  const id = fieldId(name);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = messages.length > 0 ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(" ") || undefined;
  const className = `field${field.control === "checkbox" ? " checkbox-field" : ""}${messages.length > 0 ? " has-error" : ""}`;
  const hintText = hint ? (
    <p className="hint" id={hintId}>
      {hint}
    </p>
  ) : null;
  const errors = errorId ? (
    <div className="field-error" id={errorId} data-error-for={name}>
      {messages.map((message) => (
        <p key={message}>
          <span className="visually-hidden">{t("form.errorPrefix")} </span>
          {t("form.errorFormat", { label, message })}
        </p>
      ))}
    </div>
  ) : null;
  const common = {
    id,
    ...(describedBy ? { "aria-describedby": describedBy } : {}),
    ...(messages.length > 0 ? { "aria-invalid": true } : {}),
  };

  if (field.control === "checkbox") {
    return (
      <div className={className} data-field={name}>
        <input
          {...common}
          type="checkbox"
          checked={field.value === true}
          onChange={(event) => field.onChange(event.currentTarget)}
        />
        <div>
          <label htmlFor={id}>{label}</label>
          {hintText}
        </div>
        {errors}
      </div>
    );
  }
  const value = typeof field.value === "string" ? field.value : "";
  const input = { ...common, ...(required ? { "aria-required": true } : {}) };
  return (
    <div className={className} data-field={name}>
      <label htmlFor={id}>
        {label}
        {required ? null : <span className="optional"> {t("form.optional")}</span>}
      </label>
      {hintText}
      {field.control === "select" ? (
        <select {...input} value={value} onChange={(event) => field.onChange(event.currentTarget)}>
          {(field.options ?? []).map((option) => (
            <option key={option.value} value={option.value} disabled={option.disabled} lang={option.lang}>
              {option.label}
            </option>
          ))}
        </select>
      ) : (
        <input
          {...input}
          {...field.attributes}
          type={field.control}
          value={value}
          onChange={(event) => field.onChange(event.currentTarget)}
          onBlur={field.onBlur ? (event) => field.onBlur?.(event.currentTarget, "blur") : undefined}
          onKeyUp={field.onKeyUp ? (event) => field.onKeyUp?.(event.currentTarget, "keyup") : undefined}
        />
      )}
      {errors}
    </div>
  );
}
