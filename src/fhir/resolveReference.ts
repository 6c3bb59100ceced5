// Finds the resource a FHIR reference points to: "#id" among the request's contained resources, otherwise
// a Bundle entry by fullUrl ("urn:uuid:…", an absolute URL) or by "Type/id" (relative, also the tail of a
// fullUrl). Returns the resource with its FHIR path, for error messages.

export interface LocatedResource {
  resource: Record<string, unknown> & { resourceType: string; id?: string | undefined };
  path: string;
}

export interface ResourcePool {
  /** The Bundle's entries (empty for a single MedicationRequest). */
  entries: { fullUrl?: string | undefined; located: LocatedResource }[];
}

export function resolveReference(
  reference: string | undefined,
  contained: LocatedResource[],
  pool: ResourcePool,
): LocatedResource | undefined {
  if (!reference) return undefined;
  if (reference.startsWith("#")) return contained.find((c) => c.resource.id === reference.slice(1));
  const bare = reference.split("/_history/")[0] as string;
  for (const { fullUrl, located } of pool.entries) {
    const { resourceType, id } = located.resource;
    const relative = id === undefined ? undefined : `${resourceType}/${id}`;
    if (fullUrl !== undefined && fullUrl === bare) return located;
    if (relative !== undefined && (bare === relative || bare.endsWith(`/${relative}`))) return located;
    if (fullUrl !== undefined && relative === undefined && fullUrl.endsWith(`/${bare}`)) return located;
  }
  return undefined;
}
