ALTER TABLE "conclusions" ADD COLUMN "verification_code" text;--> statement-breakpoint
ALTER TABLE "conclusions" ADD COLUMN "file_sha256" text;--> statement-breakpoint
-- conclusions issued before codes existed get one too: 12 Crockford base32 characters, each from one byte of a
-- gen_random_uuid() (a cryptographic source; the version and variant bytes 6 and 8 are skipped, 256 % 32 = 0 keeps
-- the characters uniform); the subquery names c.id so it runs once per row
UPDATE "conclusions" c SET "verification_code" = (
  SELECT string_agg(substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', get_byte(uuid_send(r.u), i) % 32 + 1, 1), '' ORDER BY i)
  FROM (SELECT gen_random_uuid() AS u WHERE c.id IS NOT NULL) r, unnest(ARRAY[0, 1, 2, 3, 4, 5, 7, 9, 10, 11, 12, 13]) AS i
);--> statement-breakpoint
ALTER TABLE "conclusions" ALTER COLUMN "verification_code" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "conclusions" ADD CONSTRAINT "conclusions_verification_code_uq" UNIQUE("verification_code");
