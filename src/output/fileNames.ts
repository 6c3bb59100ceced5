// File and folder names of the outputs. They come from the patient id (never the name), sanitised so
// that no id can point outside the output folder.
export function patientFolderName(patientId: string): string {
  const safe = patientId.replace(/[^A-Za-z0-9._-]/g, "_").replace(/^\.+/, "_");
  if (safe === "" || safe === "." || safe === "..") throw new Error(`internal: unusable patient id for a folder name`);
  return safe;
}

export function documentFileName(drug: string, kind: string, language: string): string {
  return `${drug}-${kind}-${language}.pdf`;
}
