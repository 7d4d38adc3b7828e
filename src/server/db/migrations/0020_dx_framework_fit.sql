ALTER TABLE "dx_assessments" ADD COLUMN "applicability_override" text;--> statement-breakpoint
ALTER TABLE "dx_framework_versions" ADD COLUMN "generation" text DEFAULT 'custom' NOT NULL;--> statement-breakpoint
UPDATE "dx_framework_versions" SET "generation" = "definition"->>'generation' WHERE "definition"->>'generation' IS NOT NULL;
