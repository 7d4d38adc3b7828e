CREATE TABLE "dx_rollups_city" (
	"framework_version_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"sector_code" text NOT NULL,
	"size_class" text NOT NULL,
	"overall_level" smallint NOT NULL,
	"n" integer NOT NULL,
	"sum_total" numeric(16, 2) NOT NULL,
	"sum_pillars" numeric(16, 2)[] NOT NULL,
	CONSTRAINT "dx_rollups_city_uq" UNIQUE("framework_version_id","year","sector_code","size_class","overall_level")
);
--> statement-breakpoint
CREATE TABLE "dx_rollups_commune" (
	"framework_version_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"commune_id" uuid,
	"overall_level" smallint NOT NULL,
	"n" integer NOT NULL,
	"sum_total" numeric(16, 2) NOT NULL,
	"sum_pillars" numeric(16, 2)[] NOT NULL,
	CONSTRAINT "dx_rollups_commune_uq" UNIQUE NULLS NOT DISTINCT("framework_version_id","year","commune_id","overall_level")
);
--> statement-breakpoint
ALTER TABLE "dx_rollups_city" ADD CONSTRAINT "dx_rollups_city_framework_version_id_dx_framework_versions_id_fk" FOREIGN KEY ("framework_version_id") REFERENCES "public"."dx_framework_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dx_rollups_commune" ADD CONSTRAINT "dx_rollups_commune_framework_version_id_dx_framework_versions_id_fk" FOREIGN KEY ("framework_version_id") REFERENCES "public"."dx_framework_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- fill the coarser grains from the finest for databases that already hold assessments
INSERT INTO "dx_rollups_city" ("framework_version_id", "year", "sector_code", "size_class", "overall_level", "n", "sum_total", "sum_pillars")
SELECT r."framework_version_id", r."year", r."sector_code", r."size_class", r."overall_level", sum(r."n")::int, sum(r."sum_total"),
  array(SELECT sum(u.p) FROM "dx_rollups" r2 CROSS JOIN LATERAL unnest(r2."sum_pillars") WITH ORDINALITY u(p, i)
        WHERE r2."framework_version_id" = r."framework_version_id" AND r2."year" = r."year" AND r2."sector_code" = r."sector_code"
          AND r2."size_class" = r."size_class" AND r2."overall_level" = r."overall_level" GROUP BY u.i ORDER BY u.i)
FROM "dx_rollups" r GROUP BY 1, 2, 3, 4, 5;
--> statement-breakpoint
INSERT INTO "dx_rollups_commune" ("framework_version_id", "year", "commune_id", "overall_level", "n", "sum_total", "sum_pillars")
SELECT r."framework_version_id", r."year", r."commune_id", r."overall_level", sum(r."n")::int, sum(r."sum_total"),
  array(SELECT sum(u.p) FROM "dx_rollups" r2 CROSS JOIN LATERAL unnest(r2."sum_pillars") WITH ORDINALITY u(p, i)
        WHERE r2."framework_version_id" = r."framework_version_id" AND r2."year" = r."year"
          AND r2."commune_id" IS NOT DISTINCT FROM r."commune_id" AND r2."overall_level" = r."overall_level" GROUP BY u.i ORDER BY u.i)
FROM "dx_rollups" r GROUP BY 1, 2, 3, 4;
