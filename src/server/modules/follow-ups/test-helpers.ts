import { randomBytes } from 'node:crypto';
import { verificationCodeFrom } from '../../../shared/verification-code.js';
import { conclusions, findings } from '../../db/schema/index.js';
import { unique, type TestContext } from '../../test/test-app.js';
import type { Factories } from '../../test/factories.js';
import type { ConclusionItem } from './follow-ups.service.js';
import { SYSTEM_ACTOR } from '../../http/authorize.js';

type Scene = Awaited<ReturnType<Factories['scene']>>;
export type IssueItem = Omit<ConclusionItem, 'findingId'> & { supersedes?: string };

/**
 * Stands in for the conclusions module in tests: inserts a conclusion and its remedy / recommendation
 * findings, then hands them to the follow-ups service in the same transaction, as issuing does.
 * With `correctionOf`, items whose `supersedes` names an old finding id go through `relinkForCorrection`.
 */
export async function issueConclusion(
  ctx: TestContext,
  scene: Scene,
  items: IssueItem[],
  correctionOf?: { id: string; version: number },
) {
  const db = ctx.handle.db;
  const admin = await ctx.services.users.getByUsername('admin');
  return db.transaction(async (tx) => {
    const version = (correctionOf?.version ?? 0) + 1;
    const [conclusion] = await tx
      .insert(conclusions)
      .values({
        inspectionId: scene.inspection.id,
        version,
        number: `${unique('KL')}/ĐKT`,
        sequence: 1,
        year: 2024,
        issuedDate: '2024-01-15',
        signerName: 'Nguyễn Văn A',
        signerTitle: 'Trưởng đoàn',
        recipients: [],
        content: {},
        contentSha256: 'x',
        verificationCode: verificationCodeFrom(randomBytes(12)),
        supersedesId: correctionOf?.id ?? null,
        issuedBy: admin.id,
      })
      .returning();
    const values = items.map((it, i) => ({
      inspectionId: scene.inspection.id,
      contentAreaId: scene.areas[0].id,
      kind: it.kind,
      text: it.text,
      addresseeOrgUnitId: it.addresseeOrgUnitId,
      dueDate: it.dueDate,
      position: i,
      conclusionId: conclusion.id,
      supersedesFindingId: it.supersedes ?? null,
    }));
    const rows = await tx.insert(findings).values(values).returning();
    const mapped = rows
      .sort((a, b) => a.position - b.position)
      .map((f, i) => ({
        findingId: f.id,
        kind: items[i].kind,
        text: items[i].text,
        addresseeOrgUnitId: items[i].addresseeOrgUnitId,
        dueDate: items[i].dueDate,
      }));
    const input = { inspectionId: scene.inspection.id, conclusionId: conclusion.id };
    if (correctionOf) {
      await ctx.services.followUps.relinkForCorrection(tx, SYSTEM_ACTOR, {
        ...input,
        items: mapped.map((m, i) => ({ ...m, supersedesFindingId: items[i].supersedes ?? null })),
      });
    } else {
      await ctx.services.followUps.createForConclusion(tx, SYSTEM_ACTOR, { ...input, items: mapped });
    }
    return { conclusion, findingIds: mapped.map((m) => m.findingId) };
  });
}
