// Why the service refuses to start: listening on the network with nobody to sign in (no accounts and no
// trusted single-sign-on proxy) would open patient data to anyone who can reach the port.
import { LeafletError } from "../core/errors.ts";

export class UnsafeListenError extends LeafletError {
  constructor(host: string) {
    super(
      "UNSAFE_LISTEN",
      `refusing to listen on ${host}: nobody could be asked to sign in. Add an account first ` +
        "(leaflets users add NAME --role nurse --data DIR), or name the hospital's single-sign-on proxy " +
        "(--trust-proxy ADDRESS --user-header X-Remote-User), or listen on 127.0.0.1 only.",
      "See docs/deploy.md.",
    );
  }
}
