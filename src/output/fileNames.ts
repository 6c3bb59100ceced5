// File and folder names of the outputs. They come from the patient id (never the name), sanitised so
// that no id can point outside the output folder.
import { OrderRefusedError } from "../core/errors.ts";

export function patientFolderName(patientId: string): string {
  const safe = patientId.replace(/[^A-Za-z0-9._-]/g, "_").replace(/^\.+/, "_");
  if (safe === "" || safe === "." || safe === "..")
    throw new OrderRefusedError([{ field: "patientId", message: "cannot be used as a folder name" }]);
  return safe;
}

/** `<drug>-<kind>-<lang>.pdf`; a bilingual leaflet names both languages: `…-leaflet-tr-nl.pdf`. */
export function documentFileName(drug: string, kind: string, language: string, secondLanguage?: string): string {
  return `${drug}-${kind}-${language}${secondLanguage ? `-${secondLanguage}` : ""}.pdf`;
}
