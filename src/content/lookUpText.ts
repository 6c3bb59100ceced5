// One text of a language's locale files by its key, without a translator: "ns:dotted.key" in that namespace,
// a key without one in the given namespace. For texts read outside a leaflet (the page's field labels).
import type { LocaleBundle, LocaleTree } from "../catalog/loadLocales.ts";

export function lookUpText(bundle: LocaleBundle, namespace: string, key: string): string | undefined {
  const [ns, path] = key.includes(":") ? (key.split(":", 2) as [string, string]) : [namespace, key];
  let node: string | LocaleTree | undefined = bundle.namespaces[ns];
  for (const part of path.split(".")) node = typeof node === "object" ? node[part] : undefined;
  return typeof node === "string" ? node : undefined;
}
