CREATE TABLE "dx_reports" (
	"code" text PRIMARY KEY NOT NULL,
	"assessment_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"enterprise_name" text NOT NULL,
	"issued_date" date NOT NULL,
	"data" "bytea" NOT NULL,
	"sha256" text NOT NULL,
	"issued_by" uuid NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "round_summaries" (
	"code" text PRIMARY KEY NOT NULL,
	"round_id" uuid NOT NULL,
	"title" text NOT NULL,
	"period" text NOT NULL,
	"issuer" text NOT NULL,
	"issued_date" date NOT NULL,
	"data" "bytea" NOT NULL,
	"sha256" text NOT NULL,
	"issued_by" uuid NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "verification_codes" (
	"code" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "dx_reports" ADD CONSTRAINT "dx_reports_code_verification_codes_code_fk" FOREIGN KEY ("code") REFERENCES "public"."verification_codes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dx_reports" ADD CONSTRAINT "dx_reports_assessment_id_dx_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."dx_assessments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dx_reports" ADD CONSTRAINT "dx_reports_issued_by_users_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_summaries" ADD CONSTRAINT "round_summaries_code_verification_codes_code_fk" FOREIGN KEY ("code") REFERENCES "public"."verification_codes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_summaries" ADD CONSTRAINT "round_summaries_round_id_reporting_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."reporting_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_summaries" ADD CONSTRAINT "round_summaries_issued_by_users_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dx_reports_assessment_idx" ON "dx_reports" USING btree ("assessment_id");--> statement-breakpoint
CREATE INDEX "round_summaries_round_idx" ON "round_summaries" USING btree ("round_id");--> statement-breakpoint
-- the codes of conclusions issued so far: registered as kind 'conclusion', with their issue time
INSERT INTO "verification_codes" ("code", "kind", "created_at") SELECT "verification_code", 'conclusion', "issued_at" FROM "conclusions";
