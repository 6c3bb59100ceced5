// The order form: the fields of `leaflets generate`'s order, with choices taken from the server's catalog
// (only the chosen medicine's regimens, strengths and own fields, as its drug file declares them), each
// drawn by the one Field component from its description (orderFormFields.ts).
// It holds no rules of its own: every problem shown comes from the server's validator.
import { useTranslation } from "react-i18next";
import { Field } from "./Field.tsx";
import type { Catalog, DateField, FormValues } from "./formValues.ts";
import { orderFormFields } from "./orderFormFields.ts";

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
  const groups = orderFormFields({
    catalog,
    values,
    t,
    labels: catalog.labels[i18n.language] ?? catalog.labels.en,
    fallbackLabels: catalog.labels.en,
    onChange,
    onTouch,
    onBadDate,
    messagesFor,
  });
  return (
    <form className="order-form" noValidate onSubmit={(event) => event.preventDefault()}>
      {groups.map((group) => (
        <fieldset key={group.legend}>
          <legend>{group.legend}</legend>
          {group.fields.map((field) => (
            <Field key={field.name} field={field} />
          ))}
        </fieldset>
      ))}
    </form>
  );
}
