import { randomBytes } from 'node:crypto';
import type { VerifiedDocument } from '../../../shared/contracts/conclusions.js';
import {
  formatVerificationCode,
  normalizeVerificationCode,
  verificationCodeFrom,
  type VerificationKind,
} from '../../../shared/verification-code.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { invalid, notFound } from '../../http/errors.js';
import type { VerificationRepo } from './verification.repo.js';

/** The port other modules mint through: a new code registered for a kind, in the caller's transaction. */
export interface MintCode {
  mint: (tx: DbOrTx, kind: VerificationKind) => Promise<string>;
}

/** What the module owning a kind answers for one of its codes (null: it has no document with that code). */
export type VerifyOwner = (code: string, origin: string | undefined) => Promise<VerifiedDocument | null>;

interface VerificationServiceDeps {
  db: Db;
  repo: VerificationRepo;
  /** each kind's owner, asked through its service (wired in services.ts) */
  owners: Record<VerificationKind, VerifyOwner>;
  /** the random bytes of a new code (tests force a collision) */
  random?: () => Uint8Array;
}

/** The codes printed in issued documents' footers: minted here for every kind, checked publicly at /verify. */
export function createVerificationService({
  db,
  repo,
  owners,
  random = () => randomBytes(12),
}: VerificationServiceDeps) {
  return {
    /**
     * A new code registered for `kind`, in the caller's transaction: 60 random bits, unguessable, so /verify answers
     * only for documents someone holds; on the (unlikely) collision with any kind's code, another one.
     */
    async mint(tx: DbOrTx, kind: VerificationKind): Promise<string> {
      for (let attempt = 0; attempt < 5; attempt++) {
        const code = verificationCodeFrom(random());
        if (await repo.insert(tx, code, kind)) return code;
      }
      throw new Error('no free verification code after 5 attempts');
    },

    /** The public check of an issued document by its code (no login: facts only, no content). */
    async verify(input: string, origin?: string): Promise<VerifiedDocument> {
      const code = normalizeVerificationCode(input);
      if (!code) throw invalid([{ field: 'params.code', reason: 'NOT_A_VERIFICATION_CODE' }]);
      const kind = await repo.kindOf(db, code);
      // well formed but never issued (or mistyped into another well-formed code)
      const found = kind ? await owners[kind](code, origin) : null;
      if (!found) throw notFound('document', formatVerificationCode(code));
      return found;
    },
  };
}
export type VerificationService = ReturnType<typeof createVerificationService>;
