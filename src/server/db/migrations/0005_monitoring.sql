CREATE TABLE "finding_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"finding_id" uuid NOT NULL,
	"indicator_id" uuid,
	"task_id" uuid,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "finding_links_uq" UNIQUE NULLS NOT DISTINCT("finding_id","indicator_id","task_id"),
	CONSTRAINT "finding_links_one_ck" CHECK (("finding_links"."indicator_id" is not null) <> ("finding_links"."task_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "indicator_targets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"indicator_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"org_unit_id" uuid,
	"value" double precision NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	CONSTRAINT "indicator_targets_uq" UNIQUE NULLS NOT DISTINCT("indicator_id","year","org_unit_id")
);
--> statement-breakpoint
CREATE TABLE "indicator_units" (
	"indicator_id" uuid NOT NULL,
	"org_unit_id" uuid NOT NULL,
	CONSTRAINT "indicator_units_indicator_id_org_unit_id_pk" PRIMARY KEY("indicator_id","org_unit_id")
);
--> statement-breakpoint
CREATE TABLE "indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"program_id" uuid NOT NULL,
	"plan_id" uuid,
	"code" text NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text,
	"measure_unit" text NOT NULL,
	"period_type" text NOT NULL,
	"period_aggregation" text NOT NULL,
	"unit_aggregation" text NOT NULL,
	"direction" text NOT NULL,
	"formula" text,
	"baseline_year" integer,
	"baseline_value" double precision,
	"green_pct" double precision,
	"amber_pct" double precision,
	"is_demo" boolean DEFAULT false NOT NULL,
	"search_text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicators_program_code_uq" UNIQUE("program_id","code")
);
--> statement-breakpoint
CREATE TABLE "monitoring_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid,
	"task_id" uuid,
	"indicator_id" uuid,
	"sha256" text NOT NULL,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size" integer NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "monitoring_attachments_owner_ck" CHECK (("monitoring_attachments"."report_id" is not null) <> ("monitoring_attachments"."task_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "monitoring_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"program_id" uuid NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"legal_basis" text,
	"period_start" integer NOT NULL,
	"period_end" integer NOT NULL,
	"search_text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "monitoring_plans_program_code_uq" UNIQUE("program_id","code")
);
--> statement-breakpoint
CREATE TABLE "program_monitoring_settings" (
	"program_id" uuid PRIMARY KEY NOT NULL,
	"green_pct" double precision NOT NULL,
	"amber_pct" double precision NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "program_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"program_id" uuid NOT NULL,
	"plan_id" uuid,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"legal_basis" text,
	"lead_org_unit_id" uuid NOT NULL,
	"delegated_org_unit_id" uuid,
	"deliverable" text,
	"deadline" date NOT NULL,
	"budget_allocated_vnd" bigint DEFAULT 0 NOT NULL,
	"budget_spent_vnd" bigint DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'not_started' NOT NULL,
	"progress_percent" integer DEFAULT 0 NOT NULL,
	"completed_date" date,
	"is_demo" boolean DEFAULT false NOT NULL,
	"search_text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "program_tasks_program_code_uq" UNIQUE("program_id","code")
);
--> statement-breakpoint
CREATE TABLE "report_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_status" text NOT NULL,
	"to_status" text NOT NULL,
	"revision" integer NOT NULL,
	"comment" text,
	"snapshot" jsonb,
	"actor_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_task_progress" (
	"report_id" uuid NOT NULL,
	"task_id" uuid NOT NULL,
	"status" text NOT NULL,
	"progress_percent" integer NOT NULL,
	"spent_vnd" bigint NOT NULL,
	"note" text,
	CONSTRAINT "report_task_progress_report_id_task_id_pk" PRIMARY KEY("report_id","task_id")
);
--> statement-breakpoint
CREATE TABLE "report_values" (
	"report_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"value" double precision,
	"comment" text,
	CONSTRAINT "report_values_report_id_indicator_id_pk" PRIMARY KEY("report_id","indicator_id")
);
--> statement-breakpoint
CREATE TABLE "reporting_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"program_id" uuid NOT NULL,
	"plan_id" uuid,
	"title" text NOT NULL,
	"period_type" text NOT NULL,
	"year" integer NOT NULL,
	"quarter" integer,
	"due_date" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "task_coordinators" (
	"task_id" uuid NOT NULL,
	"org_unit_id" uuid NOT NULL,
	CONSTRAINT "task_coordinators_task_id_org_unit_id_pk" PRIMARY KEY("task_id","org_unit_id")
);
--> statement-breakpoint
CREATE TABLE "task_updates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"task_id" uuid NOT NULL,
	"status" text NOT NULL,
	"progress_percent" integer NOT NULL,
	"spent_vnd" bigint NOT NULL,
	"note" text,
	"report_id" uuid,
	"author_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "unit_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"narrative" text DEFAULT '' NOT NULL,
	"first_submitted_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"approved_at" timestamp with time zone,
	"approved_by" uuid,
	"review_comment" text,
	"revision" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "unit_reports_round_unit_uq" UNIQUE("round_id","org_unit_id")
);
--> statement-breakpoint
ALTER TABLE "finding_links" ADD CONSTRAINT "finding_links_finding_id_findings_id_fk" FOREIGN KEY ("finding_id") REFERENCES "public"."findings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finding_links" ADD CONSTRAINT "finding_links_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finding_links" ADD CONSTRAINT "finding_links_task_id_program_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."program_tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finding_links" ADD CONSTRAINT "finding_links_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_targets" ADD CONSTRAINT "indicator_targets_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_targets" ADD CONSTRAINT "indicator_targets_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_units" ADD CONSTRAINT "indicator_units_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_units" ADD CONSTRAINT "indicator_units_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_plan_id_monitoring_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."monitoring_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_attachments" ADD CONSTRAINT "monitoring_attachments_report_id_unit_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."unit_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_attachments" ADD CONSTRAINT "monitoring_attachments_task_id_program_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."program_tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_attachments" ADD CONSTRAINT "monitoring_attachments_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_attachments" ADD CONSTRAINT "monitoring_attachments_sha256_file_blobs_sha256_fk" FOREIGN KEY ("sha256") REFERENCES "public"."file_blobs"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_attachments" ADD CONSTRAINT "monitoring_attachments_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_plans" ADD CONSTRAINT "monitoring_plans_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_monitoring_settings" ADD CONSTRAINT "program_monitoring_settings_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_tasks" ADD CONSTRAINT "program_tasks_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_tasks" ADD CONSTRAINT "program_tasks_plan_id_monitoring_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."monitoring_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_tasks" ADD CONSTRAINT "program_tasks_lead_org_unit_id_org_units_id_fk" FOREIGN KEY ("lead_org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_tasks" ADD CONSTRAINT "program_tasks_delegated_org_unit_id_org_units_id_fk" FOREIGN KEY ("delegated_org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_events" ADD CONSTRAINT "report_events_report_id_unit_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."unit_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_events" ADD CONSTRAINT "report_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_task_progress" ADD CONSTRAINT "report_task_progress_report_id_unit_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."unit_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_task_progress" ADD CONSTRAINT "report_task_progress_task_id_program_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."program_tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_values" ADD CONSTRAINT "report_values_report_id_unit_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."unit_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_values" ADD CONSTRAINT "report_values_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_rounds" ADD CONSTRAINT "reporting_rounds_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_rounds" ADD CONSTRAINT "reporting_rounds_plan_id_monitoring_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."monitoring_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_coordinators" ADD CONSTRAINT "task_coordinators_task_id_program_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."program_tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_coordinators" ADD CONSTRAINT "task_coordinators_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_updates" ADD CONSTRAINT "task_updates_task_id_program_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."program_tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_updates" ADD CONSTRAINT "task_updates_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_reports" ADD CONSTRAINT "unit_reports_round_id_reporting_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."reporting_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_reports" ADD CONSTRAINT "unit_reports_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_reports" ADD CONSTRAINT "unit_reports_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "finding_links_finding_idx" ON "finding_links" USING btree ("finding_id");--> statement-breakpoint
CREATE INDEX "indicator_units_unit_idx" ON "indicator_units" USING btree ("org_unit_id");--> statement-breakpoint
CREATE INDEX "indicators_plan_idx" ON "indicators" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "monitoring_attachments_report_idx" ON "monitoring_attachments" USING btree ("report_id");--> statement-breakpoint
CREATE INDEX "monitoring_attachments_task_idx" ON "monitoring_attachments" USING btree ("task_id");--> statement-breakpoint
CREATE INDEX "program_tasks_lead_idx" ON "program_tasks" USING btree ("lead_org_unit_id");--> statement-breakpoint
CREATE INDEX "program_tasks_delegated_idx" ON "program_tasks" USING btree ("delegated_org_unit_id");--> statement-breakpoint
CREATE INDEX "report_events_report_idx" ON "report_events" USING btree ("report_id");--> statement-breakpoint
CREATE INDEX "report_values_indicator_idx" ON "report_values" USING btree ("indicator_id");--> statement-breakpoint
CREATE INDEX "reporting_rounds_program_idx" ON "reporting_rounds" USING btree ("program_id");--> statement-breakpoint
CREATE INDEX "reporting_rounds_year_idx" ON "reporting_rounds" USING btree ("year");--> statement-breakpoint
CREATE INDEX "task_updates_task_idx" ON "task_updates" USING btree ("task_id");--> statement-breakpoint
CREATE INDEX "unit_reports_unit_idx" ON "unit_reports" USING btree ("org_unit_id");