// Local accounts: a name, a role, an argon2id password hash and a disabled flag. Names are plain sign-in
// names (letters, digits, . _ -), never a patient's; a disabled account cannot sign in and loses its sessions.
import { UserError } from "../core/errors.ts";
import type { Db } from "./database.ts";
import { DEFAULT_COST, hashPassword, MIN_PASSWORD_LENGTH, type PasswordCost, verifyPassword } from "./passwords.ts";
import type { Role } from "./roles.ts";

export interface User {
  id: number;
  name: string;
  role: Role;
  disabled: boolean;
  createdAt: string;
}

interface UserRow {
  id: number;
  name: string;
  role: Role;
  password_hash: string | null;
  disabled: number;
  created_at: string;
}

const NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export class UserStore {
  /** Checked against when the name is unknown, so timing does not tell which names exist. */
  private dummyHash: Promise<string> | undefined;

  constructor(
    private readonly db: Db,
    private readonly cost: PasswordCost = DEFAULT_COST,
  ) {}

  /** A new account; without a password it signs in through the trusted proxy only. */
  async add(name: string, role: Role, password?: string): Promise<User> {
    checkName(name);
    if (password !== undefined) checkPassword(password);
    if (this.find(name)) throw new UserError(`there is already a user called ${name}`);
    const hash = password === undefined ? null : await hashPassword(password, this.cost);
    this.db
      .prepare("INSERT INTO users (name, role, password_hash, created_at) VALUES (?, ?, ?, ?)")
      .run(name, role, hash, new Date().toISOString());
    return this.find(name) as User;
  }

  list(): User[] {
    return (this.db.prepare("SELECT * FROM users ORDER BY name").all() as UserRow[]).map(toUser);
  }

  count(): number {
    return (this.db.prepare("SELECT COUNT(*) AS n FROM users WHERE disabled = 0").get() as { n: number }).n;
  }

  find(name: string): User | undefined {
    const row = this.db.prepare("SELECT * FROM users WHERE name = ?").get(name) as UserRow | undefined;
    return row ? toUser(row) : undefined;
  }

  byId(id: number): User | undefined {
    const row = this.db.prepare("SELECT * FROM users WHERE id = ?").get(id) as UserRow | undefined;
    return row ? toUser(row) : undefined;
  }

  disable(name: string): void {
    const user = this.require(name);
    this.db.transaction(() => {
      this.db.prepare("UPDATE users SET disabled = 1 WHERE id = ?").run(user.id);
      this.db.prepare("DELETE FROM sessions WHERE user_id = ?").run(user.id);
    })();
  }

  /** A new password; re-enables the account and ends its sessions. */
  async reset(name: string, password: string): Promise<void> {
    const user = this.require(name);
    checkPassword(password);
    const hash = await hashPassword(password, this.cost);
    this.db.transaction(() => {
      this.db.prepare("UPDATE users SET password_hash = ?, disabled = 0 WHERE id = ?").run(hash, user.id);
      this.db.prepare("DELETE FROM sessions WHERE user_id = ?").run(user.id);
    })();
  }

  /** The user when the name and password match an enabled account. */
  async check(name: string, password: string): Promise<User | undefined> {
    const row = this.db.prepare("SELECT * FROM users WHERE name = ?").get(name) as UserRow | undefined;
    if (!row?.password_hash || row.disabled) {
      this.dummyHash ??= hashPassword("no such account", this.cost);
      await verifyPassword(await this.dummyHash, password);
      return undefined;
    }
    return (await verifyPassword(row.password_hash, password)) ? toUser(row) : undefined;
  }

  private require(name: string): User {
    const user = this.find(name);
    if (!user) throw new UserError(`there is no user called ${name}`);
    return user;
  }
}

function checkName(name: string): void {
  if (!NAME_PATTERN.test(name)) {
    throw new UserError(
      "a user name is 1–64 letters, digits, dots, dashes or underscores, starting with a letter or digit",
    );
  }
}

function checkPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new UserError(`a password needs at least ${MIN_PASSWORD_LENGTH} characters`);
  }
}

function toUser(row: UserRow): User {
  return { id: row.id, name: row.name, role: row.role, disabled: row.disabled === 1, createdAt: row.created_at };
}
