ALTER TABLE "dx_import_errors" ADD COLUMN "code" text;--> statement-breakpoint
ALTER TABLE "dx_import_errors" ADD COLUMN "params" jsonb;