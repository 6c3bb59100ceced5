// Exit codes scripts rely on: 0 all done, 1 an order was refused or failed, 2 bad invocation or configuration.
// EXIT_CODE_OF is the one place an error's exit class (ERROR_CODES in src/core/errors.ts) becomes a number.
import type { ExitClass } from "../../core/errors.ts";

export const EXIT = { ok: 0, refused: 1, usage: 2 } as const;

export const EXIT_CODE_OF: Record<ExitClass, number> = { refused: EXIT.refused, usage: EXIT.usage };
