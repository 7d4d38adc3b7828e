import type { VerifiedDocument, VerifiedPdf } from '../../../shared/contracts/conclusions.js';
import { formatVerificationCode } from '../../../shared/verification-code.js';
import type { Db } from '../../db/client.js';
import { conclusionDocInput, type ConclusionContent } from './conclusion-content.js';
import type { ConclusionRow, InspectionsRepo } from './inspections.repo.js';

interface VerificationDeps {
  db: Db;
  repo: InspectionsRepo;
  /** the issued file's SHA-256: stored at issue, or (versions issued before it was stored) of the stable render */
  fileSha256: (row: ConclusionRow, origin: string | undefined) => Promise<string>;
  /** the version's stored PDF: its hash and, when signed, its signature checked now (null: no PDF made yet) */
  pdf: (row: ConclusionRow) => Promise<VerifiedPdf | null>;
}

/** The public check of an issued conclusion by its verification code (no login: facts only, no content). */
export function createVerification({ db, repo, fileSha256, pdf }: VerificationDeps) {
  return {
    /** `code`: normalized, registered as a conclusion's (module verification); null when no version carries it */
    verify: async (code: string, origin?: string): Promise<VerifiedDocument | null> => {
      const found = await repo.conclusionByCode(db, code);
      if (!found) return null;
      const { row, replacedBy } = found;
      // the issuer as the document prints it (its header's lines, the issuing body last)
      const lines = conclusionDocInput(row.content as ConclusionContent, false).issuerLines;
      const pdfFacts = await pdf(row);
      return {
        kind: 'conclusion',
        code: formatVerificationCode(code),
        number: row.number,
        year: row.year,
        issuedDate: row.issuedDate,
        issuer: lines.at(-1)!,
        issuerSuperior: lines.at(-2) ?? null,
        signerName: row.signerName,
        signerTitle: row.signerTitle,
        fileSha256: await fileSha256(row, origin),
        replacedBy,
        // only once a PDF was made (it is made on first download): none yet, nobody holds one
        ...(pdfFacts && { pdf: pdfFacts }),
      };
    },
  };
}
