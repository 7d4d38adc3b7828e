CREATE TABLE "dx_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"framework_version_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"status" text NOT NULL,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"answered_by" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"source" text DEFAULT 'web' NOT NULL,
	"snapshot" jsonb,
	"total_score" numeric(10, 2),
	"overall_level" smallint,
	"pillar_scores" numeric(10, 2)[],
	"commune_id" uuid,
	"sector_code" text,
	"size_class" text,
	"submitted_at" timestamp with time zone,
	"submitted_by" uuid,
	"reviewed_at" timestamp with time zone,
	"reviewed_by" uuid,
	"review_comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dx_assessments_uq" UNIQUE("enterprise_id","framework_version_id","year")
);
--> statement-breakpoint
CREATE TABLE "dx_framework_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"framework_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"status" text NOT NULL,
	"definition" jsonb NOT NULL,
	"definition_sha256" text NOT NULL,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dx_framework_versions_uq" UNIQUE("framework_id","version")
);
--> statement-breakpoint
CREATE TABLE "dx_frameworks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dx_frameworks_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "dx_rollups" (
	"framework_version_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"commune_id" uuid,
	"sector_code" text NOT NULL,
	"size_class" text NOT NULL,
	"overall_level" smallint NOT NULL,
	"n" integer NOT NULL,
	"sum_total" numeric(16, 2) NOT NULL,
	"sum_pillars" numeric(16, 2)[] NOT NULL,
	CONSTRAINT "dx_rollups_uq" UNIQUE NULLS NOT DISTINCT("framework_version_id","year","commune_id","sector_code","size_class","overall_level")
);
--> statement-breakpoint
CREATE TABLE "enterprise_users" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"enterprise_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enterprises" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tax_code" text NOT NULL,
	"name" text NOT NULL,
	"address" text,
	"commune_id" uuid,
	"current_commune_id" uuid,
	"commune_resolution" text NOT NULL,
	"vsic_version" text NOT NULL,
	"sector_code" text NOT NULL,
	"industry_code" text,
	"employees" integer NOT NULL,
	"revenue_vnd" bigint NOT NULL,
	"capital_vnd" bigint NOT NULL,
	"size_class" text NOT NULL,
	"is_demo" smallint DEFAULT 0 NOT NULL,
	"search_text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "enterprises_tax_code_unique" UNIQUE("tax_code")
);
--> statement-breakpoint
CREATE TABLE "vsic_codes" (
	"version" text NOT NULL,
	"code" text NOT NULL,
	"level" smallint NOT NULL,
	"section_code" text NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text NOT NULL,
	CONSTRAINT "vsic_codes_version_code_pk" PRIMARY KEY("version","code")
);
--> statement-breakpoint
ALTER TABLE "dx_assessments" ADD CONSTRAINT "dx_assessments_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dx_assessments" ADD CONSTRAINT "dx_assessments_framework_version_id_dx_framework_versions_id_fk" FOREIGN KEY ("framework_version_id") REFERENCES "public"."dx_framework_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dx_assessments" ADD CONSTRAINT "dx_assessments_commune_id_org_units_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dx_framework_versions" ADD CONSTRAINT "dx_framework_versions_framework_id_dx_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."dx_frameworks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dx_rollups" ADD CONSTRAINT "dx_rollups_framework_version_id_dx_framework_versions_id_fk" FOREIGN KEY ("framework_version_id") REFERENCES "public"."dx_framework_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_users" ADD CONSTRAINT "enterprise_users_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_users" ADD CONSTRAINT "enterprise_users_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprises" ADD CONSTRAINT "enterprises_commune_id_org_units_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprises" ADD CONSTRAINT "enterprises_current_commune_id_org_units_id_fk" FOREIGN KEY ("current_commune_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dx_assessments_version_year_idx" ON "dx_assessments" USING btree ("framework_version_id","year","status");--> statement-breakpoint
CREATE INDEX "enterprise_users_enterprise_idx" ON "enterprise_users" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "enterprises_current_commune_idx" ON "enterprises" USING btree ("current_commune_id");--> statement-breakpoint
CREATE INDEX "enterprises_sector_idx" ON "enterprises" USING btree ("sector_code");--> statement-breakpoint
CREATE INDEX "enterprises_resolution_idx" ON "enterprises" USING btree ("commune_resolution");