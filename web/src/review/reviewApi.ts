// The review page's calls to /api/review/* (src/web/reviewRoutes.ts).
export interface SectionRow {
  section: string;
  state: "source" | "unreviewed" | "approved" | "rejected" | "stale";
  decision?: { by: string; role: string; date: string; note: string; override?: string };
}
export interface Comparison {
  status: SectionRow;
  sourceLanguage: string;
  rows: { key: string; source: string | null; text: string | null }[];
  findings: { file: string; key: string; message: string }[];
}
export interface Problem {
  field: string;
  message: string;
}

export async function fetchStatus(lang: string, drug: string): Promise<SectionRow[]> {
  const response = await fetch(`/api/review/status?${new URLSearchParams({ lang, drug })}`);
  if (!response.ok) throw new Error(`status: HTTP ${response.status}`);
  return ((await response.json()) as { sections: SectionRow[] }).sections;
}

export async function fetchSection(lang: string, drug: string, section: string): Promise<Comparison> {
  const response = await fetch(`/api/review/section?${new URLSearchParams({ lang, drug, section })}`);
  if (!response.ok) throw new Error(`section: HTTP ${response.status}`);
  return (await response.json()) as Comparison;
}

export async function postDecision(body: Record<string, string>): Promise<Problem[]> {
  const response = await fetch("/api/review/decision", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (response.ok) return [];
  const answer = (await response.json().catch(() => ({}))) as {
    errors?: Problem[];
    findings?: { key: string; message: string }[];
  };
  return [...(answer.errors ?? []), ...(answer.findings ?? []).map((f) => ({ field: f.key, message: f.message }))];
}
