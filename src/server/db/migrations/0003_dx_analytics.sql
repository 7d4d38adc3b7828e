CREATE TABLE "dx_import_batches" (
	"job_id" uuid NOT NULL,
	"batch_no" integer NOT NULL,
	"rows_ok" integer NOT NULL,
	"rows_failed" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dx_import_batches_job_id_batch_no_pk" PRIMARY KEY("job_id","batch_no")
);
--> statement-breakpoint
CREATE TABLE "dx_import_errors" (
	"job_id" uuid NOT NULL,
	"row" integer NOT NULL,
	"field" text NOT NULL,
	"reason" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dx_import_jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"file_sha256" text NOT NULL,
	"status" text NOT NULL,
	"batch_size" integer NOT NULL,
	"rows_done" integer DEFAULT 0 NOT NULL,
	"rows_ok" integer DEFAULT 0 NOT NULL,
	"rows_failed" integer DEFAULT 0 NOT NULL,
	"total_rows" integer,
	"failure" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "dx_import_batches" ADD CONSTRAINT "dx_import_batches_job_id_dx_import_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."dx_import_jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dx_import_errors" ADD CONSTRAINT "dx_import_errors_job_id_dx_import_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."dx_import_jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dx_import_jobs" ADD CONSTRAINT "dx_import_jobs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dx_import_errors_job_idx" ON "dx_import_errors" USING btree ("job_id","row");--> statement-breakpoint
CREATE INDEX "dx_import_jobs_file_idx" ON "dx_import_jobs" USING btree ("kind","file_sha256");