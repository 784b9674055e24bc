CREATE TABLE "departments" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name_pl" text NOT NULL,
	"name_en" text NOT NULL,
	CONSTRAINT "departments_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "categories" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"type" text NOT NULL,
	"name_pl" text NOT NULL,
	"name_en" text NOT NULL,
	"default_department_id" integer,
	"sort_order" smallint DEFAULT 0 NOT NULL,
	CONSTRAINT "categories_code_unique" UNIQUE("code"),
	CONSTRAINT "categories_type_check" CHECK ("categories"."type" in ('problem', 'idea'))
);
--> statement-breakpoint
CREATE TABLE "city_boundary" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"boundary" geometry(MultiPolygon,4326) NOT NULL,
	CONSTRAINT "city_boundary_single_row" CHECK ("city_boundary"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "districts" (
	"id" smallint PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"boundary" geometry(MultiPolygon,4326) NOT NULL,
	"population" integer
);
--> statement-breakpoint
CREATE TABLE "reporter_contacts" (
	"report_id" bigint PRIMARY KEY NOT NULL,
	"email" text,
	"phone" text
);
--> statement-breakpoint
CREATE TABLE "reports" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"public_ref" text NOT NULL,
	"type" text NOT NULL,
	"category_id" integer NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"location" geometry(Point,4326) NOT NULL,
	"district_id" smallint NOT NULL,
	"address" text,
	"channel" text NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"department_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone,
	"vote_count" integer DEFAULT 0 NOT NULL,
	"duplicate_of_id" bigint,
	"hidden" boolean DEFAULT false NOT NULL,
	"is_generated" boolean DEFAULT false NOT NULL,
	CONSTRAINT "reports_public_ref_unique" UNIQUE("public_ref"),
	CONSTRAINT "reports_type_check" CHECK ("reports"."type" in ('problem', 'idea')),
	CONSTRAINT "reports_channel_check" CHECK ("reports"."channel" in ('online', 'phone', 'email', 'in_person')),
	CONSTRAINT "reports_status_check" CHECK ("reports"."status" in ('new', 'accepted', 'forwarded', 'in_progress', 'resolved', 'rejected', 'not_competent', 'duplicate')),
	CONSTRAINT "reports_title_check" CHECK (length("reports"."title") between 1 and 200)
);
--> statement-breakpoint
CREATE TABLE "status_changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"report_id" bigint NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"note" text,
	"actor" text NOT NULL,
	"department_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "votes" (
	"report_id" bigint NOT NULL,
	"voter_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "votes_report_id_voter_id_pk" PRIMARY KEY("report_id","voter_id")
);
--> statement-breakpoint
CREATE TABLE "photos" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"report_id" bigint NOT NULL,
	"position" smallint DEFAULT 0 NOT NULL,
	"file_name" text NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"bytes" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "photos_file_name_unique" UNIQUE("file_name")
);
--> statement-breakpoint
CREATE TABLE "report_counts" (
	"month" date NOT NULL,
	"district_id" smallint NOT NULL,
	"category_id" integer NOT NULL,
	"channel" text NOT NULL,
	"status" text NOT NULL,
	"type" text NOT NULL,
	"reports" integer NOT NULL,
	"resolve_seconds" bigint NOT NULL,
	CONSTRAINT "report_counts_month_district_id_category_id_channel_status_pk" PRIMARY KEY("month","district_id","category_id","channel","status")
);
--> statement-breakpoint
ALTER TABLE "categories" ADD CONSTRAINT "categories_default_department_id_departments_id_fk" FOREIGN KEY ("default_department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporter_contacts" ADD CONSTRAINT "reporter_contacts_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_category_id_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_duplicate_of_id_reports_id_fk" FOREIGN KEY ("duplicate_of_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "status_changes" ADD CONSTRAINT "status_changes_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "status_changes" ADD CONSTRAINT "status_changes_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "votes" ADD CONSTRAINT "votes_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "photos" ADD CONSTRAINT "photos_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "districts_boundary_idx" ON "districts" USING gist ("boundary");--> statement-breakpoint
CREATE INDEX "reports_location_idx" ON "reports" USING gist ("location");--> statement-breakpoint
CREATE INDEX "reports_location_geog_idx" ON "reports" USING gist (("location"::geography));--> statement-breakpoint
CREATE INDEX "reports_district_idx" ON "reports" USING btree ("district_id");--> statement-breakpoint
CREATE INDEX "reports_category_idx" ON "reports" USING btree ("category_id");--> statement-breakpoint
CREATE INDEX "reports_status_idx" ON "reports" USING btree ("status");--> statement-breakpoint
CREATE INDEX "reports_created_at_idx" ON "reports" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "status_changes_report_idx" ON "status_changes" USING btree ("report_id","created_at");--> statement-breakpoint
CREATE INDEX "photos_report_idx" ON "photos" USING btree ("report_id","position");