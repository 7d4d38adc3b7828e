import { z } from 'zod';
import { because } from './error-reasons.js';

/** Field schemas shared by API contracts and web forms. Every string has a length limit. */
export const uuidField = z.uuid({ message: because('UUID') });
export const shortText = (max = 200) => z.string().trim().min(1, because('NOT_EMPTY')).max(max);
export const longText = (max = 20_000) => z.string().max(max);
export const isoDate = z.iso.date({ message: because('ISO_DATE') });
export const year = z.number().int().min(1990).max(2100);
export const searchQuery = z.string().max(200).optional();
export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
};

export const roles = ['admin', 'secretariat', 'inspector', 'unit', 'viewer', 'enterprise'] as const;
export type Role = (typeof roles)[number];

/** A page of rows plus the total, for tables. */
export const pageOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int() });

export const idParams = z.strictObject({ id: uuidField });
export const okResponse = z.object({ ok: z.literal(true) });
