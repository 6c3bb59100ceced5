// Password hashing with argon2id (memory-hard). The cost is the OWASP-recommended default; tests pass a
// low cost so they stay fast. Verification reads the parameters from the stored hash itself.
import { hash, verify } from "@node-rs/argon2";

/** Algorithm.Argon2id (a const enum the module syntax cannot import). */
const ARGON2ID = 2;

export interface PasswordCost {
  memoryCost: number;
  timeCost: number;
}

export const DEFAULT_COST: PasswordCost = { memoryCost: 19_456, timeCost: 2 };
export const TEST_COST: PasswordCost = { memoryCost: 1024, timeCost: 1 };

export const MIN_PASSWORD_LENGTH = 10;

export function hashPassword(password: string, cost: PasswordCost = DEFAULT_COST): Promise<string> {
  return hash(password, { algorithm: ARGON2ID, parallelism: 1, ...cost });
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}
