// One labelled form field with its hint and, right below the input, the problems the server found with it.
// The input is tied to both by aria-describedby and marked aria-invalid, so a screen reader reads them too.
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

export interface InputProps {
  id: string;
  "aria-describedby"?: string;
  "aria-invalid"?: boolean;
  "aria-required"?: boolean;
}

interface FieldProps {
  /** The order field's name as the server names it (e.g. "startDate", "contact.nurseLine"). */
  name: string;
  label: string;
  hint?: string | undefined;
  required?: boolean;
  messages: string[];
  children: (input: InputProps) => ReactNode;
}

export function fieldId(name: string): string {
  return `field-${name.replace(/\./g, "-")}`;
}

export function Field({ name, label, hint, required, messages, children }: FieldProps) {
  const { t } = useTranslation();
  const id = fieldId(name);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = messages.length > 0 ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`field${messages.length > 0 ? " has-error" : ""}`} data-field={name}>
      <label htmlFor={id}>
        {label}
        {required ? null : <span className="optional"> {t("form.optional")}</span>}
      </label>
      {hint ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {children({
        id,
        ...(describedBy ? { "aria-describedby": describedBy } : {}),
        ...(messages.length > 0 ? { "aria-invalid": true } : {}),
        ...(required ? { "aria-required": true } : {}),
      })}
      {errorId ? (
        <div className="field-error" id={errorId} data-error-for={name}>
          {messages.map((message) => (
            <p key={message}>
              <span className="visually-hidden">{t("form.errorPrefix")} </span>
              {t("form.errorFormat", { label, message })}
            </p>
          ))}
        </div>
      ) : null}
    </div>
  );
}
