import { sql } from 'drizzle-orm';
import type { OrgUnitKind } from '../../../shared/contracts/org-units.js';
import type { SuccessionShare } from '../../../shared/domain.js';
import type { Role } from '../../../shared/fields.js';
import {
  bigserial,
  type AnyPgColumn,
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

const id = () =>
  uuid('id')
    .primaryKey()
    .default(sql`gen_random_uuid()`);
/** The row's version for optimistic concurrency (see docs/architecture.md, Concurrency). */
export const version = () => integer('version').notNull().default(1);
export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
export const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

/** Any body the committee deals with: party committees, departments, districts, communes, centres. */
export const orgUnits = pgTable(
  'org_units',
  {
    id: id(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    shortName: text('short_name'),
    kind: text('kind').$type<OrgUnitKind>().notNull(),
    parentId: uuid('parent_id'),
    validFrom: date('valid_from'),
    validTo: date('valid_to'),
    // lower-case, diacritics removed (đ → d): lets "dong da" find "Đống Đa" on every database
    searchText: text('search_text').notNull(),
    /**
     * The unit's head (a person of the unit), set by an admin: told of escalations. None set: the head is inferred
     * from people's position titles (notifications' fallback).
     */
    headPersonId: uuid('head_person_id').references((): AnyPgColumn => people.id),
    /** Optimistic concurrency: +1 in the same UPDATE as every change; a write names the version it read. */
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('org_units_parent_idx').on(t.parentId), index('org_units_kind_idx').on(t.kind)],
);

/** Reorganisation links, e.g. the 2025 commune merger crosswalk (`whole` or `part` of the old unit). */
export const orgUnitSuccessors = pgTable(
  'org_unit_successors',
  {
    predecessorId: uuid('predecessor_id')
      .notNull()
      .references(() => orgUnits.id),
    successorId: uuid('successor_id')
      .notNull()
      .references(() => orgUnits.id),
    share: text('share').$type<SuccessionShare>().notNull(),
    effectiveDate: date('effective_date').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.predecessorId, t.successorId] }),
    index('org_unit_successors_succ_idx').on(t.successorId),
  ],
);

export const people = pgTable(
  'people',
  {
    id: id(),
    fullName: text('full_name').notNull(),
    positionTitle: text('position_title'),
    orgUnitId: uuid('org_unit_id').references(() => orgUnits.id),
    email: text('email'),
    phone: text('phone'),
    isDemo: boolean('is_demo').notNull().default(false),
    searchText: text('search_text').notNull(),
    /** Optimistic concurrency: +1 in the same UPDATE as every change; a write names the version it read. */
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('people_org_unit_idx').on(t.orgUnitId),
    // the same name with the same email in the same org unit is the same person (namesakes without an email may
    // coexist: nothing tells them apart, and an Idempotency-Key keeps a retried creation from doubling them)
    uniqueIndex('people_identity_uq')
      .on(
        sql`coalesce(${t.orgUnitId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
        sql`lower(${t.fullName})`,
        sql`lower(${t.email})`,
      )
      .where(sql`${t.email} is not null`),
  ],
);

export const users = pgTable('users', {
  id: id(),
  username: text('username').notNull().unique(),
  passwordHash: text('password_hash').notNull(),
  role: text('role').$type<Role>().notNull(),
  // for role `unit` (and later `enterprise`): the org unit whose data the account may see
  orgUnitId: uuid('org_unit_id').references(() => orgUnits.id),
  personId: uuid('person_id').references(() => people.id),
  displayName: text('display_name').notNull(),
  active: boolean('active').notNull().default(true),
  /** Optimistic concurrency: +1 in the same UPDATE as every change; a write names the version it read. */
  version: version(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const sessions = pgTable(
  'sessions',
  {
    // SHA-256 of the cookie token: a leaked table does not leak usable sessions
    tokenHash: text('token_hash').primaryKey(),
    // what the user sees and names when ending a session (the token hash never leaves the server)
    id: uuid('id')
      .notNull()
      .unique()
      .default(sql`gen_random_uuid()`),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    // refreshed at most once a minute (see auth.service), so reads do not each write
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/**
 * Login throttle counters, one row per key: `user:<username>|ip:<address>` (with back-off) and `ip:<address>`
 * (a generous cap). An attempt is reserved here in one statement before the password is checked.
 */
export const loginThrottles = pgTable('login_throttles', {
  key: text('key').primaryKey(),
  attempts: integer('attempts').notNull(),
  windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
  // how many times in a row this key hit the limit: each lock lasts twice as long as the one before
  strikes: integer('strikes').notNull().default(0),
});

export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid('actor_user_id'),
    actorUsername: text('actor_username'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (t) => [index('audit_events_entity_idx').on(t.entityType, t.entityId), index('audit_events_at_idx').on(t.at)],
);

/** File bodies, content-addressed: the same evidence uploaded twice is stored once. */
export const fileBlobs = pgTable('file_blobs', {
  sha256: text('sha256').primaryKey(),
  size: integer('size').notNull(),
  mimeType: text('mime_type').notNull(),
  data: bytea('data').notNull(),
  createdAt: createdAt(),
});

/** Yearly document-number counters, e.g. conclusions `01-KL/ĐKT`; incremented inside the issuing transaction. */
export const numberSequences = pgTable(
  'number_sequences',
  {
    scope: text('scope').notNull(),
    year: integer('year').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.year] })],
);

/**
 * Responses to creation requests sent with an `Idempotency-Key` (src/server/http/idempotency.ts): a retry with the
 * same key and body gets the stored response instead of making a second record. `status` is null while the first
 * request runs. Kept 24 hours.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    actorId: uuid('actor_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    route: text('route').notNull(),
    requestSha256: text('request_sha256').notNull(),
    status: integer('status'),
    body: text('body'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.actorId, t.key] }), index('idempotency_keys_created_idx').on(t.createdAt)],
);
