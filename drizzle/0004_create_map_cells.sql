CREATE TABLE "map_version" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_cells" (
	"x" integer NOT NULL,
	"y" integer NOT NULL,
	"district_id" smallint NOT NULL,
	"category_id" integer NOT NULL,
	"status" text NOT NULL,
	"type" text NOT NULL,
	"reports" integer NOT NULL,
	"sum_x" double precision NOT NULL,
	"sum_y" double precision NOT NULL,
	CONSTRAINT "report_cells_x_y_district_id_category_id_status_pk" PRIMARY KEY("x","y","district_id","category_id","status")
);
