import { hash, verify } from '@node-rs/argon2';

/** Long enough to resist guessing at the login's rate limit; no rules on character kinds (NIST SP 800-63B). */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 200;

/** argon2id, the library's default algorithm, with its default cost (19 MiB, 2 passes: OWASP's minimum), as a PHC string. */
export const hashPassword = (password: string) => hash(password);

export const verifyPassword = (stored: string, password: string) => verify(stored, password).catch(() => false);

/**
 * A stand-in hash to verify against when no account has the address typed, so an unknown address
 * takes as long as a wrong password and the answer does not tell which it was.
 */
let decoy: Promise<string> | undefined;
export const decoyHash = () => (decoy ??= hashPassword('no account has this password'));
