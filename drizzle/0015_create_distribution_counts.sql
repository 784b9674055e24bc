CREATE TABLE "open_day_counts" (
	"day" date NOT NULL,
	"district_id" smallint NOT NULL,
	"category_id" integer NOT NULL,
	"type" text NOT NULL,
	"reports" integer NOT NULL,
	CONSTRAINT "open_day_counts_day_district_id_category_id_pk" PRIMARY KEY("day","district_id","category_id")
);
--> statement-breakpoint
CREATE TABLE "resolve_day_counts" (
	"month" date NOT NULL,
	"district_id" smallint NOT NULL,
	"category_id" integer NOT NULL,
	"type" text NOT NULL,
	"days" integer NOT NULL,
	"reports" integer NOT NULL,
	CONSTRAINT "resolve_day_counts_month_district_id_category_id_days_pk" PRIMARY KEY("month","district_id","category_id","days")
);
