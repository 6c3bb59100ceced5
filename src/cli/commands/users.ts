// `leaflets users add NAME --role R | list | disable NAME | reset NAME`: the service's local accounts, in the
// data folder's database. Passwords come from --password-stdin (one line) or a prompt that does not echo;
// `--sso` makes an account without a password, for sign-in through the hospital's trusted proxy only.
import type { Command } from "commander";
import { UsageError, UserError } from "../../core/errors.ts";
import { DEFAULT_DATA_DIR } from "../../service/dataDir.ts";
import { isRole, ROLES } from "../../service/roles.ts";
import type { UserStore } from "../../service/userStore.ts";
import { EXIT } from "../shared/exitCodes.ts";
import { readPassword } from "../shared/readPassword.ts";
import type { Runner } from "../shared/runner.ts";

interface DataFlags {
  data: string;
}

export function registerUsers(program: Command, run: Runner): void {
  const users = program
    .command("users")
    .summary("the service's accounts: add, list, disable, reset a password")
    .description("Manage the accounts that sign in to `leaflets serve` (roles: nurse, pharmacist, admin).");
  const data = ["--data <dir>", "the service's data folder", DEFAULT_DATA_DIR] as const;

  users
    .command("add")
    .argument("<name>", "sign-in name (letters, digits, . _ -)")
    .requiredOption("--role <role>", ROLES.join(", "))
    .option("--password-stdin", "read the password from standard input (one line)")
    .option("--sso", "no password: signs in through the trusted proxy's user header only")
    .option(...data)
    .action((name: string, flags: DataFlags & { role: string; passwordStdin?: boolean; sso?: boolean }) =>
      run(async () => {
        if (!isRole(flags.role)) throw new UsageError(`--role must be ${ROLES.join(", ")} (got "${flags.role}")`);
        const password = flags.sso ? undefined : await readPassword(Boolean(flags.passwordStdin), true);
        await withUsers(flags, (store) => store.add(name, flags.role as never, password));
        process.stdout.write(`added ${name} (${flags.role})\n`);
        return EXIT.ok;
      }),
    );

  users
    .command("list")
    .option("--json", "one JSON object")
    .option(...data)
    .action((flags: DataFlags & { json?: boolean }) =>
      run(async () => {
        const list = await withUsers(flags, (store) => store.list());
        if (flags.json) {
          process.stdout.write(`${JSON.stringify({ users: list.map(({ id: _, ...user }) => user) })}\n`);
        } else {
          for (const user of list) {
            process.stdout.write(
              `${user.name.padEnd(24)} ${user.role.padEnd(11)} ${user.disabled ? "disabled" : "active"}\n`,
            );
          }
          if (list.length === 0) process.stdout.write("no accounts yet: leaflets users add NAME --role nurse\n");
        }
        return EXIT.ok;
      }, flags.json),
    );

  users
    .command("disable")
    .argument("<name>")
    .option(...data)
    .action((name: string, flags: DataFlags) =>
      run(async () => {
        await withUsers(flags, (store) => store.disable(name));
        process.stdout.write(`disabled ${name}; their sessions have ended\n`);
        return EXIT.ok;
      }),
    );

  users
    .command("reset")
    .argument("<name>")
    .option("--password-stdin", "read the new password from standard input (one line)")
    .option(...data)
    .action((name: string, flags: DataFlags & { passwordStdin?: boolean }) =>
      run(async () => {
        const password = await readPassword(Boolean(flags.passwordStdin), true);
        await withUsers(flags, (store) => store.reset(name, password));
        process.stdout.write(`new password set for ${name}; the account is enabled and its sessions have ended\n`);
        return EXIT.ok;
      }),
    );
}

/** Opens the data folder's accounts (loaded on use: other commands need no database). */
async function withUsers<T>(flags: DataFlags, action: (store: UserStore) => T): Promise<Awaited<T>> {
  const { openService } = await import("../../service/service.ts");
  const service = openService({ dataDir: flags.data });
  try {
    return await action(service.users);
  } catch (error) {
    if (error instanceof UserError) throw new UsageError(error.message);
    throw error;
  } finally {
    service.close();
  }
}
