CREATE TABLE "support_enrolments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"program_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"enrolled_on" date NOT NULL,
	"note" text,
	"source" text DEFAULT 'manual' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "support_enrolments_program_enterprise" UNIQUE("program_id","enterprise_id")
);
--> statement-breakpoint
CREATE TABLE "support_given" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enrolment_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"provider" text NOT NULL,
	"amount_vnd" bigint NOT NULL,
	"given_on" date NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "support_given_amount" CHECK ("support_given"."amount_vnd" >= 0)
);
--> statement-breakpoint
CREATE TABLE "support_programs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"legal_basis" text NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"budget_vnd" bigint NOT NULL,
	"kinds" text[] NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "support_programs_period" CHECK ("support_programs"."period_from" <= "support_programs"."period_to"),
	CONSTRAINT "support_programs_budget" CHECK ("support_programs"."budget_vnd" >= 0)
);
--> statement-breakpoint
ALTER TABLE "support_enrolments" ADD CONSTRAINT "support_enrolments_program_id_support_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."support_programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_enrolments" ADD CONSTRAINT "support_enrolments_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_enrolments" ADD CONSTRAINT "support_enrolments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_given" ADD CONSTRAINT "support_given_enrolment_id_support_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."support_enrolments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_given" ADD CONSTRAINT "support_given_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_programs" ADD CONSTRAINT "support_programs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "support_enrolments_enterprise_idx" ON "support_enrolments" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "support_given_enrolment_idx" ON "support_given" USING btree ("enrolment_id");