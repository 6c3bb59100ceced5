// The roles and what each may do: a nurse previews, prints and runs batches; a pharmacist also reviews
// content; an admin also manages users and reads the audit trail. Higher roles include the lower ones.
export const ROLES = ["nurse", "pharmacist", "admin"] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** Whether someone with `role` may use what needs `needed`. */
export function roleAllows(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}
