import { eq } from 'drizzle-orm';
import type { VerificationKind } from '../../../shared/verification-code.js';
import type { DbOrTx } from '../../db/client.js';
import { verificationCodes } from '../../db/schema/index.js';

/** The registry of every issued document's verification code (the only SQL on verification_codes). */
export function createVerificationRepo() {
  return {
    /** false when the code is taken (by any kind: the primary key) */
    async insert(db: DbOrTx, code: string, kind: VerificationKind) {
      const rows = await db.insert(verificationCodes).values({ code, kind }).onConflictDoNothing().returning();
      return rows.length === 1;
    },
    async kindOf(db: DbOrTx, code: string): Promise<VerificationKind | null> {
      const [row] = await db
        .select({ kind: verificationCodes.kind })
        .from(verificationCodes)
        .where(eq(verificationCodes.code, code));
      return row?.kind ?? null;
    },
  };
}
export type VerificationRepo = ReturnType<typeof createVerificationRepo>;
