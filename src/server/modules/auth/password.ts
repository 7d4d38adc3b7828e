import { hash, verify } from '@node-rs/argon2';

// argon2id (the library's default algorithm) with OWASP's 19 MiB / 2 passes baseline
const options = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const hashPassword = (password: string) => hash(password, options);
export const verifyPassword = (passwordHash: string, password: string) =>
  verify(passwordHash, password).catch(() => false);

// verified against when the username does not exist, so timing does not reveal which usernames exist
let dummyHash: Promise<string> | undefined;
export const dummyPasswordHash = () => (dummyHash ??= hashPassword('no-such-user-password'));
