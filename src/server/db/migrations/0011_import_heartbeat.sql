CREATE TABLE "dx_import_files" (
	"job_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"data" "bytea" NOT NULL,
	CONSTRAINT "dx_import_files_job_id_seq_pk" PRIMARY KEY("job_id","seq")
);
--> statement-breakpoint
ALTER TABLE "dx_import_jobs" ADD COLUMN "failure_reason" text;--> statement-breakpoint
ALTER TABLE "dx_import_jobs" ADD COLUMN "runner_id" uuid;--> statement-breakpoint
ALTER TABLE "dx_import_jobs" ADD COLUMN "heartbeat_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "dx_import_jobs" ADD COLUMN "takeovers" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "dx_import_files" ADD CONSTRAINT "dx_import_files_job_id_dx_import_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."dx_import_jobs"("id") ON DELETE cascade ON UPDATE no action;