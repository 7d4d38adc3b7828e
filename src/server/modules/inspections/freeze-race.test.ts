import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/client.js';
import { useTestContext } from '../../test/test-app.js';
import type { ConclusionContent } from './conclusion-content.js';
import { multipart, PDF } from '../../test/multipart.js';

const { ctx, f } = useTestContext();

// PGlite has one connection: requests run one after the other, so no race can happen there. The race needs a server.
const onServer = !!process.env.DATABASE_URL;
const issueBody = {
  issuedDate: '2023-07-20',
  signerName: 'Nguyễn Văn Phong',
  signerTitle: 'Trưởng đoàn',
  recipients: ['Lưu'],
};

/** An inspection in drafting with two findings and an assessment, and its head's cookie. */
async function drafting() {
  const s = await f.scene({ status: 'drafting' });
  const head = await ctx.login(s.inspector.username, s.inspector.password);
  const id = s.inspection.id;
  const findingIds: string[] = [];
  for (const text of ['Điểm mạnh ban đầu.', 'Hạn chế ban đầu.']) {
    const res = await ctx.as(head, {
      method: 'POST',
      url: `/api/inspections/${id}/findings`,
      payload: { contentAreaId: s.areas[0].id, kind: text.startsWith('Điểm') ? 'strength' : 'shortcoming', text },
    });
    expect(res.statusCode, res.body).toBe(201);
    findingIds.push(res.json().id);
  }
  const put = await ctx.as(head, {
    method: 'PUT',
    url: `/api/inspections/${id}/assessments/${s.areas[0].id}`,
    payload: { rating: 'fair', notes: 'Ghi chú ban đầu.', version: 0 },
  });
  expect(put.statusCode, put.body).toBe(200);
  return { s, head, id, findingIds };
}

async function q<T>(query: ReturnType<typeof sql>) {
  return rowsOf<T>(await ctx.handle.db.execute(query));
}

const versionOf = async (findingId: string) =>
  (await q<{ version: number }>(sql`select version from findings where id = ${findingId}`))[0].version;
const assessmentVersion = async (inspectionId: string, contentAreaId: string) =>
  (
    await q<{ version: number }>(
      sql`select version from assessments where inspection_id = ${inspectionId} and content_area_id = ${contentAreaId}`,
    )
  )[0].version;

describe('issued means frozen, even under races', () => {
  it.skipIf(!onServer)(
    'six writers racing the issue never change what the hashed conclusion says (PostgreSQL only: PGlite has one connection)',
    async () => {
      for (let trial = 0; trial < 3; trial++) {
        const { s, head, id, findingIds } = await drafting();
        let issuedAt = Infinity;
        const late: string[] = [];
        const writer = async (w: number) => {
          for (let i = 0; i < 12; i++) {
            const started = Date.now();
            const kind = (w + i) % 4;
            const res =
              kind === 0
                ? await ctx.as(head, {
                    method: 'PATCH',
                    url: `/api/findings/${findingIds[i % 2]}`,
                    payload: { text: `Sửa ${w}-${i}`, version: await versionOf(findingIds[i % 2]) },
                  })
                : kind === 1
                  ? await ctx.as(head, {
                      method: 'PUT',
                      url: `/api/inspections/${id}/assessments/${s.areas[0].id}`,
                      payload: {
                        rating: 'good',
                        notes: `Ghi chú ${w}-${i}`,
                        version: await assessmentVersion(id, s.areas[0].id),
                      },
                    })
                  : kind === 2
                    ? await ctx.as(head, {
                        method: 'POST',
                        url: `/api/inspections/${id}/findings`,
                        payload: { contentAreaId: s.areas[0].id, kind: 'strength', text: `Mới ${w}-${i}` },
                      })
                    : await ctx.as(head, {
                        method: 'POST',
                        url: `/api/inspections/${id}/assessments/${s.areas[1].id}/evidence`,
                        ...multipart(`bang-chung-${w}-${i}.pdf`, PDF),
                      });
            if (res.statusCode < 300) {
              if (started > issuedAt) late.push(`write ${kind} ${w}-${i} ${res.statusCode}`);
              const body = res.json<{ conclusionId?: string | null }>();
              if (body.conclusionId) late.push(`finding patched with conclusionId ${body.conclusionId}`);
            }
          }
        };
        const issuer = async () => {
          await new Promise((r) => setTimeout(r, 15));
          const res = await ctx.as(head, {
            method: 'POST',
            url: `/api/inspections/${id}/conclusion`,
            payload: issueBody,
          });
          expect(res.statusCode, res.body).toBe(201);
          issuedAt = Date.now();
        };
        await Promise.all([...[0, 1, 2, 3, 4, 5].map(writer), issuer()]);

        const [conclusion] = await q<{ id: string; content: ConclusionContent; content_sha256: string }>(
          sql`select id, content, content_sha256 from conclusions where inspection_id = ${id}`,
        );
        const rows = await q<{ id: string; text: string; conclusion_id: string | null }>(
          sql`select id, text, conclusion_id from findings where inspection_id = ${id} order by position`,
        );
        // every finding of the inspection is frozen under the conclusion, with exactly the text it says
        expect(rows.filter((r) => r.conclusion_id !== conclusion.id)).toEqual([]);
        expect(Object.fromEntries(rows.map((r) => [r.id, r.text]))).toEqual(
          Object.fromEntries(conclusion.content.findings.map((x) => [x.id, x.text])),
        );
        const notes = await q<{ content_area_id: string; notes: string; rating: string }>(
          sql`select content_area_id, notes, rating from assessments where inspection_id = ${id}`,
        );
        for (const a of conclusion.content.contentAreas) {
          const row = notes.find((n) => n.content_area_id === a.id);
          expect({ rating: row?.rating ?? null, notes: row?.notes ?? null }).toEqual({
            rating: a.rating,
            notes: a.notes,
          });
        }
        // no write was acknowledged after the issue had been
        expect(late).toEqual([]);
      }
    },
    120_000,
  );
});
