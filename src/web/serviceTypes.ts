// What the session, audit and user routes answer, shared with the page (web/src imports these types).
import type { AuditRecord } from "../service/auditTrail.ts";
import type { Role } from "../service/roles.ts";

export type { AuditRecord, Role };

export interface SessionResponse {
  signedIn: boolean;
  /** False on a loopback server without accounts: everyone at this computer uses the page without signing in. */
  signInRequired: boolean;
  /** Accounts with passwords exist on this server (else sign-in is through the hospital's proxy only). */
  passwordSignIn: boolean;
  user?: string;
  role?: Role;
  via?: "session" | "proxy" | "local";
}

export interface AuditResponse {
  records: AuditRecord[];
}

export interface UsersResponse {
  users: { name: string; role: Role; disabled: boolean }[];
}
