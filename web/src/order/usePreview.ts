// Keeps the preview in step with the form: once typing pauses, the order is validated by the server and,
// when valid, both documents are rendered. A newer form cancels older requests. `current` tells whether
// the shown PDFs are of the form as it is now: only then may they be printed or downloaded.
import { useEffect, useRef, useState } from "react";
import {
  type DocumentKind,
  type FieldProblem,
  type PrintOptions,
  type RenderedPdf,
  renderPdf,
  validateOrder,
} from "../api.ts";
import { useDebounced } from "../hooks.ts";

export interface PreviewState {
  /** The form (order and paper) the problems and documents belong to. */
  key: string;
  /** The order the problems were found in (to tell which of them the nurse has since changed). */
  order: Record<string, unknown>;
  problems: FieldProblem[];
  documents: Partial<Record<DocumentKind, RenderedPdf>>;
  /** The form the documents in `fresh` were rendered from (the others are older ones, kept on show). */
  settled?: string;
  fresh?: DocumentKind[];
  /** A request failed for another reason than the order (the server stopped, …). */
  failure?: string;
}

export interface Preview {
  state: PreviewState | undefined;
  busy: boolean;
  /** The shown documents are those of the form as it is now. */
  current: boolean;
  /** This document (already rendered, maybe before the other) is of the form as it is now. */
  isCurrent(kind: DocumentKind): boolean;
}

/** The pause in typing after which the preview is made (a newer edit cancels the requests under way). */
const PAUSE_MS = 200;

export function usePreview(
  order: Record<string, unknown>,
  paper: PrintOptions,
  kinds: DocumentKind[],
  /** The document the nurse is looking at: rendered first (switching documents renders nothing again). */
  shownKind?: DocumentKind,
): Preview {
  const key = JSON.stringify([order, paper, kinds]);
  const settledKey = useDebounced(key, PAUSE_MS);
  const [state, setState] = useState<PreviewState>();
  const [busy, setBusy] = useState(false);
  const latest = useRef({ order, paper, kinds });
  latest.current = { order, paper, kinds };
  const looking = useRef(shownKind);
  looking.current = shownKind;

  useEffect(() => {
    const { order: settledOrder, paper: settledPaper, kinds: settledKinds } = latest.current;
    const controller = new AbortController();
    const { signal } = controller;
    setBusy(true);
    (async () => {
      const check = await validateOrder(settledOrder, signal);
      if (!check.ok) {
        setState((previous) => ({
          key: settledKey,
          order: settledOrder,
          problems: check.problems,
          documents: previous?.documents ?? {},
        }));
        return;
      }
      const documents: PreviewState["documents"] = {};
      const first = looking.current;
      const inOrder = [...settledKinds].sort((a, b) => Number(b === first) - Number(a === first));
      for (const kind of inOrder) {
        const rendered = await renderPdf(settledOrder, kind, settledPaper, signal);
        if (!rendered.ok) {
          setState((previous) => ({
            key: settledKey,
            order: settledOrder,
            problems: rendered.errors,
            documents: previous?.documents ?? {},
          }));
          return;
        }
        documents[kind] = rendered.value;
        // Show the document being looked at as soon as it is there; the other follows.
        setState((previous) => ({
          key: `${settledKey} (partial)`,
          order: settledOrder,
          problems: [],
          documents: { ...previous?.documents, ...documents },
          settled: settledKey,
          fresh: Object.keys(documents) as DocumentKind[],
        }));
      }
      setState({ key: settledKey, order: settledOrder, problems: [], documents, settled: settledKey, fresh: inOrder });
    })()
      .catch((error: unknown) => {
        if (signal.aborted) return;
        setState((previous) => ({
          key: settledKey,
          order: settledOrder,
          problems: [],
          documents: previous?.documents ?? {},
          failure: (error as Error).message,
        }));
      })
      .finally(() => {
        if (!signal.aborted) setBusy(false);
      });
    return () => controller.abort();
  }, [settledKey]);

  const current = state?.key === key && state.problems.length === 0 && !state.failure && !busy;
  const isCurrent = (kind: DocumentKind) =>
    state?.settled === key && Boolean(state.fresh?.includes(kind)) && state.problems.length === 0 && !state.failure;
  return { state, busy: busy || settledKey !== key, current, isCurrent };
}
