import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loginBody } from '../../shared/contracts/auth';
import { orgUnitInput } from '../../shared/contracts/org-units';
import { personInput } from '../../shared/contracts/people';
import i18n from '../i18n';
import { zodRule } from './zod-rule';

type Validator = (rule: unknown, value: unknown) => Promise<void>;
const validate = (schema: z.ZodType, value: unknown) =>
  (zodRule(schema) as { validator: Validator }).validator({}, value);
const messageOf = (schema: z.ZodType, value: unknown) =>
  validate(schema, value).then(
    () => null,
    (e: Error) => e.message,
  );

beforeAll(() => i18n.changeLanguage('vi'));
afterAll(() => i18n.changeLanguage('vi'));

describe('zodRule', () => {
  it('passes valid values', async () => {
    expect(await messageOf(loginBody.shape.username, 'admin')).toBeNull();
    expect(await messageOf(personInput.shape.email, null)).toBeNull();
  });

  it('says in Vietnamese that a text field takes no control characters', async () => {
    expect(await messageOf(personInput.shape.fullName, 'Nguyễn\u0000 Văn A')).toBe(
      'Không được chứa ký tự điều khiển hoặc ký tự Unicode lỗi',
    );
  });

  it('marks a field required when the schema rejects undefined', () => {
    expect(zodRule(loginBody.shape.username)).toMatchObject({ required: true });
    expect(zodRule(personInput.shape.email)).toMatchObject({ required: false });
  });

  it('asks for a missing required value', async () => {
    expect(await messageOf(loginBody.shape.username, undefined)).toBe('Vui lòng nhập thông tin này');
  });

  it('translates the shared schemas’ messages', async () => {
    expect(await messageOf(loginBody.shape.username, '   ')).toBe('Không được để trống');
    expect(await messageOf(personInput.shape.email, 'not-an-email')).toBe('Địa chỉ e-mail không hợp lệ');
    expect(await messageOf(orgUnitInput.shape.code, 'HN 01')).toBe('Chỉ dùng chữ, số và các ký tự . _ - /');
  });

  it('translates zod’s own issues with their limits', async () => {
    expect(await messageOf(loginBody.shape.username, 'x'.repeat(65))).toBe('Tối đa 64 ký tự');
    expect(await messageOf(z.number().int().min(1990), 1800)).toBe('Giá trị tối thiểu là 1990');
    expect(await messageOf(z.array(z.string()).min(2), ['a'])).toBe('Cần ít nhất 2 mục');
  });

  it('follows the UI language', async () => {
    await i18n.changeLanguage('en');
    expect(await messageOf(loginBody.shape.password, '')).toBe('Must not be empty');
    await i18n.changeLanguage('vi');
  });

  it('translates a message that is an i18n key and keeps an unknown one as is', async () => {
    expect(
      await messageOf(
        z.string().refine(() => false, 'validation.isoDate'),
        'x',
      ),
    ).toBe('Ngày không hợp lệ');
    expect(
      await messageOf(
        z.string().refine(() => false, 'Something custom'),
        'x',
      ),
    ).toBe('Something custom');
  });
});
