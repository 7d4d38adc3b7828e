ALTER TABLE "conclusions" DROP CONSTRAINT "conclusions_number_unique";--> statement-breakpoint
ALTER TABLE "conclusions" ADD CONSTRAINT "conclusions_year_number_uq" UNIQUE("year","number");