CREATE TABLE "district_counts" (
	"district_id" smallint NOT NULL,
	"category_id" integer NOT NULL,
	"status" text NOT NULL,
	"type" text NOT NULL,
	"reports" integer NOT NULL,
	CONSTRAINT "district_counts_district_id_category_id_status_pk" PRIMARY KEY("district_id","category_id","status")
);
