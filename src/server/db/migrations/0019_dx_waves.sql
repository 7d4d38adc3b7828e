ALTER TABLE "dx_assessments" ADD COLUMN "carried_over" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "dx_assessments" ADD COLUMN "carried_from" jsonb;