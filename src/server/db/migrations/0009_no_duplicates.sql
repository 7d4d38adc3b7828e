CREATE TABLE "idempotency_keys" (
	"actor_id" uuid NOT NULL,
	"key" text NOT NULL,
	"route" text NOT NULL,
	"request_sha256" text NOT NULL,
	"status" integer,
	"body" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_actor_id_key_pk" PRIMARY KEY("actor_id","key")
);
--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "idempotency_keys_created_idx" ON "idempotency_keys" USING btree ("created_at");--> statement-breakpoint
-- Hand-written guard: an existing database that already holds duplicates stops here with a clear message
-- instead of a bare unique violation. They hold findings, reports and accounts, so they are merged by hand.
DO $$
DECLARE dup text;
BEGIN
  SELECT string_agg(team_id || '/' || target_org_unit_id, ', ') INTO dup FROM (
    SELECT team_id, target_org_unit_id FROM inspections GROUP BY 1, 2 HAVING count(*) > 1) d;
  IF dup IS NOT NULL THEN
    RAISE EXCEPTION 'steerboard 0009: several inspections of the same unit by the same team (team/unit: %); merge them before upgrading', dup;
  END IF;
  SELECT string_agg(program_id || ' ' || period_type || ' ' || year || coalesce('Q' || quarter, ''), ', ') INTO dup FROM (
    SELECT program_id, period_type, year, quarter FROM reporting_rounds GROUP BY 1, 2, 3, 4 HAVING count(*) > 1) d;
  IF dup IS NOT NULL THEN
    RAISE EXCEPTION 'steerboard 0009: several reporting rounds for the same program and period (%); merge them before upgrading', dup;
  END IF;
  SELECT string_agg(full_name || ' <' || email || '>', ', ') INTO dup FROM (
    SELECT min(full_name) AS full_name, min(email) AS email FROM people WHERE email IS NOT NULL
    GROUP BY coalesce(org_unit_id, '00000000-0000-0000-0000-000000000000'::uuid), lower(full_name), lower(email)
    HAVING count(*) > 1) d;
  IF dup IS NOT NULL THEN
    RAISE EXCEPTION 'steerboard 0009: the same person recorded twice in one org unit (%); merge them before upgrading', dup;
  END IF;
END $$;
--> statement-breakpoint
CREATE UNIQUE INDEX "people_identity_uq" ON "people" USING btree (coalesce("org_unit_id", '00000000-0000-0000-0000-000000000000'::uuid),lower("full_name"),lower("email")) WHERE "people"."email" is not null;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_team_target_uq" UNIQUE("team_id","target_org_unit_id");--> statement-breakpoint
ALTER TABLE "reporting_rounds" ADD CONSTRAINT "reporting_rounds_program_period_uq" UNIQUE NULLS NOT DISTINCT("program_id","period_type","year","quarter");