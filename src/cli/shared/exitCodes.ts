// Exit codes scripts rely on: 0 all done, 1 an order was refused or failed, 2 bad invocation or configuration.
export const EXIT = { ok: 0, refused: 1, usage: 2 } as const;
