// The page's calls for signing in and out, the audit view, and telling the server a document was printed or
// downloaded (the audit trail; the page prints bytes it already has, so the server would not know otherwise).
import type { AuditRecord, AuditResponse, SessionResponse } from "../../../src/web/serviceTypes.ts";

export type { AuditRecord, SessionResponse };

export type SignInResult = { ok: true } | { ok: false; reason: "wrong" | "locked" | "failed"; retryAfter?: number };

export async function fetchSession(): Promise<SessionResponse> {
  const response = await fetch("/api/session");
  if (!response.ok) throw new Error(`session: HTTP ${response.status}`);
  return (await response.json()) as SessionResponse;
}

export async function signIn(user: string, password: string): Promise<SignInResult> {
  const response = await fetch("/api/session", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ user, password }),
  });
  if (response.status === 204) return { ok: true };
  if (response.status === 401) return { ok: false, reason: "wrong" };
  if (response.status === 429) {
    return { ok: false, reason: "locked", retryAfter: Number(response.headers.get("retry-after") ?? 60) };
  }
  return { ok: false, reason: "failed" };
}

export async function signOut(): Promise<void> {
  await fetch("/api/session", { method: "DELETE" });
}

export async function recordPrinted(documentHash: string | undefined, action: "print" | "download"): Promise<void> {
  if (!documentHash) return;
  await fetch("/api/printed", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ documentHash, action }),
  }).catch(() => undefined);
}

export async function fetchAudit(filters: Record<string, string>): Promise<AuditRecord[]> {
  const query = new URLSearchParams(Object.entries(filters).filter(([, value]) => value !== ""));
  const response = await fetch(`/api/audit?${query}`);
  if (!response.ok) throw new Error(`audit: HTTP ${response.status}`);
  return ((await response.json()) as AuditResponse).records;
}
