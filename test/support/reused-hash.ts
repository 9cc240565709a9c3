import { PasswordHasher } from '../../libs/tenancy/src/auth/password-hasher';

/**
 * The test apps' PasswordHasher: a spec creates a user per role, nearly all with one password
 * (TEST_PASSWORD), and argon2id at its production cost (64 MiB, t=3) takes 0.1–0.3 s a hash
 * on a quiet machine and over a second on a loaded one: seconds per file, most of a small
 * e2e book's seeding. The first hash of a password in this file is kept and given again
 * (same parameters, one salt for the file's users); verify is argon2's own, so every login
 * is checked as in production.
 */
export class ReusedHashPasswordHasher extends PasswordHasher {
  private readonly hashes = new Map<string, Promise<string>>();

  override hash(password: string): Promise<string> {
    let hashed = this.hashes.get(password);
    if (!hashed) {
      hashed = super.hash(password);
      this.hashes.set(password, hashed);
      hashed.catch(() => this.hashes.delete(password));
    }
    return hashed;
  }
}
