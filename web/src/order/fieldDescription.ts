// What the one Field component needs to draw a form field: its name (the order field's, e.g. "startDate"
// or "contact.nurseLine"), words, control, value, choices and what to do when it changes.
export interface FieldOption {
  value: string;
  label: string;
  disabled?: boolean;
  lang?: string;
}

export interface FieldDescription {
  name: string;
  label: string;
  hint?: string | undefined;
  required: boolean;
  /** The problems to show beside the field (server messages, only for fields the nurse has been to). */
  messages: string[];
  control: "text" | "tel" | "date" | "number" | "select" | "checkbox";
  value: string | boolean;
  /** A list's choices, in order (a first "Choose…" or "None" included where there is one). */
  options?: FieldOption[];
  /** Further attributes of an input (not of a list or checkbox). */
  attributes?: {
    autoComplete?: string;
    spellCheck?: boolean;
    maxLength?: number;
    inputMode?: "numeric";
    min?: number;
    max?: number | string;
    step?: number;
  };
  onChange: (element: HTMLInputElement | HTMLSelectElement) => void;
  onBlur?: (element: HTMLInputElement, event: "blur") => void;
  onKeyUp?: (element: HTMLInputElement, event: "keyup") => void;
}
