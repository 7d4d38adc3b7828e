import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { verificationCodeFrom } from '../../../shared/verification-code.js';
import { useTestContext } from '../../test/test-app.js';
import { bestDbiAnswers, enterpriseWithAccounts } from '../dx-assessments/test-helpers.js';
import { monitoringScene } from '../reporting-rounds/test-helpers.js';
import { createVerificationRepo } from './verification.repo.js';
import { createVerificationService } from './verification.service.js';

const ORIGIN = 'https://sb.hanoi.example.vn';
const { ctx, f, cookies } = useTestContext({ env: { PUBLIC_ORIGIN: ORIGIN }, login: ['secretariat'] });

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const verify = (code: string) => ctx.app.inject({ method: 'GET', url: `/api/public/verify/${code}` });
const printed = (code: string) => code.match(/.{4}/g)!.join('-');

/** The code printed in a DOCX's footer (Mã xác thực: XXXX-XXXX-XXXX — kiểm tra tại <origin>/verify/<code>). */
async function footerCode(body: Buffer): Promise<string | null> {
  const zip = await JSZip.loadAsync(body);
  const footers = Object.keys(zip.files).filter((n) => /^word\/footer\d+\.xml$/.test(n));
  const xml = (await Promise.all(footers.map((n) => zip.file(n)!.async('string')))).join('\n');
  const m = /Mã xác thực: ([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}) — kiểm tra tại (\S+?)\/verify\/([0-9A-Z]{12})</.exec(
    xml,
  );
  if (!m) return null;
  expect(m[2]).toBe(ORIGIN);
  expect(m[1]).toBe(printed(m[3]));
  return m[3];
}

/** the kind the registry holds for a code (null: not registered) */
const kindOf = (code: string) => createVerificationRepo().kindOf(ctx.handle.db, code);

describe('verification codes of every issued document', () => {
  it('issues a round summary with its code when the round closes; /verify gives the served file’s SHA-256', async () => {
    const sec = cookies.secretariat;
    const s = await monitoringScene(ctx, f, sec);
    const summary = () => ctx.as(sec, { method: 'GET', url: `/api/reporting-rounds/${s.round.id}/summary.docx` });
    // an open round's summary is a preview: no code
    const preview = await summary();
    expect(preview.statusCode).toBe(200);
    expect(await footerCode(preview.rawPayload)).toBeNull();

    const close = (status: 'open' | 'closed') =>
      ctx.as(sec, { method: 'PATCH', url: `/api/reporting-rounds/${s.round.id}`, payload: { status } });
    expect((await close('closed')).json().status).toBe('closed');
    const first = await summary();
    expect(first.statusCode).toBe(200);
    const code = await footerCode(first.rawPayload);
    expect(code).not.toBeNull();
    // the stored file: the same bytes on every download
    expect((await summary()).rawPayload.equals(first.rawPayload)).toBe(true);
    expect(await kindOf(code!)).toBe('roundSummary');

    const res = await verify(code!);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      kind: 'roundSummary',
      code: printed(code!),
      number: null,
      title: s.round.title,
      fileSha256: sha256(first.rawPayload),
      replacedBy: null,
    });
    expect(res.json().issuer).toContain('Ban Chỉ đạo');

    // reopened and closed again: a new summary with its own code; the first one shows as replaced
    expect((await close('open')).json().status).toBe('open');
    expect((await close('closed')).json().status).toBe('closed');
    const second = await summary();
    const code2 = await footerCode(second.rawPayload);
    expect(code2).not.toBe(code);
    expect((await verify(code2!)).json()).toMatchObject({ fileSha256: sha256(second.rawPayload), replacedBy: null });
    expect((await verify(code!)).json().replacedBy).not.toBeNull();
  });

  it('issues a DX report with its code when the assessment is verified; /verify names the enterprise, no scores', async () => {
    const sec = cookies.secretariat;
    const e = await enterpriseWithAccounts(ctx, f, 1);
    const [me] = e.cookies;
    const id = (await ctx.as(me, { method: 'POST', url: '/api/dx/assessments', payload: { year: 2042 } })).json().id;
    await ctx.as(me, {
      method: 'PATCH',
      url: `/api/dx/assessments/${id}/answers`,
      payload: { answers: bestDbiAnswers() },
    });
    expect((await ctx.as(me, { method: 'POST', url: `/api/dx/assessments/${id}/submit` })).statusCode).toBe(200);
    const report = (cookie: string) => ctx.as(cookie, { method: 'GET', url: `/api/dx/assessments/${id}/report.docx` });
    // submitted, not verified: rendered now, no code
    expect(await footerCode((await report(me)).rawPayload)).toBeNull();

    const verified = await ctx.as(sec, { method: 'POST', url: `/api/dx/assessments/${id}/verify`, payload: {} });
    expect(verified.statusCode, verified.body).toBe(200);
    const file = await report(me);
    expect(file.statusCode).toBe(200);
    const code = await footerCode(file.rawPayload);
    expect(code).not.toBeNull();
    // the enterprise and the secretariat download the same issued bytes
    expect((await report(sec)).rawPayload.equals(file.rawPayload)).toBe(true);
    expect(await kindOf(code!)).toBe('dxReport');

    const name: string = (await ctx.as(me, { method: 'GET', url: `/api/dx/assessments/${id}/report` })).json()
      .assessment.enterprise.name;
    const res = await verify(code!);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      kind: 'dxReport',
      code: printed(code!),
      year: 2042,
      enterpriseName: name,
      fileSha256: sha256(file.rawPayload),
      replacedBy: null,
    });
    expect(JSON.stringify(body)).not.toMatch(/total|score|level/i);
  });

  it('answers 404 for a well-formed code never issued, 400 for a malformed one', async () => {
    const unknown = await verify('ZZZZ-ZZZZ-ZZZZ');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBeTruthy();
    expect((await verify('not-a-code')).statusCode).toBe(400);
  });

  it('keeps codes unique across kinds: a code taken by one kind is never minted for another', async () => {
    const db = ctx.handle.db;
    const repo = createVerificationRepo();
    const taken = new Uint8Array(12).fill(7);
    const fresh = new Uint8Array(12).fill(9);
    const draws = [taken, taken, fresh];
    const svc = createVerificationService({
      db,
      repo,
      owners: { conclusion: async () => null, roundSummary: async () => null, dxReport: async () => null },
      random: () => draws.shift()!,
    });
    const first = await db.transaction((tx) => svc.mint(tx, 'roundSummary'));
    expect(first).toBe(verificationCodeFrom(taken));
    // the same random draw for another kind: the registry's primary key refuses it, the next draw is used
    const second = await db.transaction((tx) => svc.mint(tx, 'dxReport'));
    expect(second).toBe(verificationCodeFrom(fresh));
    expect(await kindOf(first)).toBe('roundSummary');
    await expect(repo.insert(db, first, 'conclusion')).resolves.toBe(false);
  });

  it('registers the conclusion codes issued before the registry (migration 0021), so they still verify', async () => {
    const s = await f.scene();
    const head = await ctx.login(s.inspector.username, s.inspector.password);
    const id = s.inspection.id;
    for (const to of ['notified', 'in_progress', 'drafting'])
      expect(
        (await ctx.as(head, { method: 'POST', url: `/api/inspections/${id}/transitions`, payload: { to } })).statusCode,
      ).toBe(200);
    const issued = await ctx.as(head, {
      method: 'POST',
      url: `/api/inspections/${id}/conclusion`,
      payload: {
        issuedDate: '2023-07-20',
        signerName: 'Nguyễn Văn Phong',
        signerTitle: 'Trưởng đoàn',
        recipients: ['Thường trực Thành ủy'],
        reason: 'Nhập hồ sơ sau khi kiểm tra',
      },
    });
    expect(issued.statusCode, issued.body).toBe(201);
    const code: string = (await ctx.as(head, { method: 'GET', url: `/api/inspections/${id}` })).json().conclusions[0]
      .verificationCode;
    expect(await kindOf(code)).toBe('conclusion');
    // as before the registry existed: the conclusions carry their codes, the registry has none of them
    await ctx.handle.db.execute(sql`delete from verification_codes where kind = 'conclusion'`);
    expect((await verify(code)).statusCode).toBe(404);
    // the migration's backfill statement, as committed
    const migration = readFileSync(
      join(import.meta.dirname, '../../db/migrations/0021_verification_codes.sql'),
      'utf8',
    );
    const backfill = migration
      .split('--> statement-breakpoint')
      .find((st) => /insert into "verification_codes"/i.test(st))!;
    await ctx.handle.db.execute(sql.raw(backfill.replace(/^--.*$/gm, '')));
    const res = await verify(code);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ kind: 'conclusion', code: printed(code), signerName: 'Nguyễn Văn Phong' });
  });
});
