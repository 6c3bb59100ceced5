// The one place the review routes ask whether a request may read or record reviews. Today every request
// the server accepts may (the page runs on this computer only, like the nurses' page); when sign-in and
// roles exist, replace the hook with setReviewAuthorizer so only a signed-in pharmacist may approve, and
// return their name so the page need not ask for it.
import type { IncomingMessage } from "node:http";

export interface ReviewAuthorization {
  allowed: boolean;
  /** The signed-in reviewer's name and role, when sign-in knows them (they override what the page sends). */
  reviewer?: { name: string; role: string };
  /** Why not, when not allowed. */
  reason?: string;
}

export type ReviewAuthorizer = (req: IncomingMessage, action: "read" | "decide") => ReviewAuthorization;

let authorizer: ReviewAuthorizer = () => ({ allowed: true });

export function authorizeReview(req: IncomingMessage, action: "read" | "decide"): ReviewAuthorization {
  return authorizer(req, action);
}

/** Wires the review routes to sign-in (e.g. allow "decide" only for the role "pharmacist"). */
export function setReviewAuthorizer(next: ReviewAuthorizer): void {
  authorizer = next;
}
