ALTER TABLE "conclusions" ADD COLUMN "schedule_reason" text;--> statement-breakpoint
ALTER TABLE "inspections" ADD COLUMN "started_on" date;--> statement-breakpoint
ALTER TABLE "inspections" ADD COLUMN "start_reason" text;