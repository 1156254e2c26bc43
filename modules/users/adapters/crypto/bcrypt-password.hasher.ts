import { compare, hash } from 'bcryptjs';
import type { PasswordHasher } from '../../ports';

export interface BcryptPasswordHasherDeps {
  /** log2 of the bcrypt rounds (BCRYPT_COST): 10 in production, 4 in tests. */
  readonly bcryptCost: number;
}

/** `$2a$`/`$2b$`/`$2y$`, a two-digit cost, then 22 characters of salt and 31 of hash. */
const BCRYPT_HASH_PATTERN = /^\$2[aby]\$\d\d\$[./A-Za-z0-9]{53}$/;

/**
 * PasswordHasher with bcrypt, through bcryptjs's asynchronous API (pure JavaScript,
 * computed in slices so the event loop keeps serving). Each hash carries its own
 * random salt and cost, so raising BCRYPT_COST later still verifies older hashes.
 * A hash that is not a bcrypt hash verifies as false instead of throwing.
 */
export class BcryptPasswordHasher implements PasswordHasher {
  private readonly cost: number;

  constructor(deps: BcryptPasswordHasherDeps) {
    this.cost = deps.bcryptCost;
  }

  hash(password: string): Promise<string> {
    return hash(password, this.cost);
  }

  async verify(password: string, passwordHash: string): Promise<boolean> {
    if (!BCRYPT_HASH_PATTERN.test(passwordHash)) return false;
    try {
      return await compare(password, passwordHash);
    } catch {
      return false;
    }
  }
}
