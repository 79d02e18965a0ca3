CREATE TABLE "assessment_entries" (
	"assessment_id" text NOT NULL,
	"cadre_id" text NOT NULL,
	"grade" text,
	"reviews" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"talk_held_on" date,
	CONSTRAINT "assessment_entries_assessment_id_cadre_id_pk" PRIMARY KEY("assessment_id","cadre_id")
);
--> statement-breakpoint
CREATE TABLE "assessments" (
	"id" text PRIMARY KEY NOT NULL,
	"year" integer NOT NULL,
	"org_id" text NOT NULL,
	"department" text DEFAULT '' NOT NULL,
	"status" text NOT NULL,
	"sample_size" integer NOT NULL,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cycle_filings" (
	"id" text PRIMARY KEY NOT NULL,
	"cadre_id" text NOT NULL,
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"content" jsonb NOT NULL,
	"first_submitted_on" date,
	"submitted_on" date,
	"review_comment" text,
	"reviewed_by" text,
	"reviewed_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_recommendations" (
	"id" text PRIMARY KEY NOT NULL,
	"year" integer NOT NULL,
	"org_id" text NOT NULL,
	"department" text,
	"activity_id" text NOT NULL,
	"recommended_on" date NOT NULL,
	"recommended_by" text NOT NULL,
	"score" numeric,
	"scored_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "spot_checks" (
	"id" text PRIMARY KEY NOT NULL,
	"assessment_id" text NOT NULL,
	"cadre_id" text NOT NULL,
	"contact_id" text NOT NULL,
	"seed" text NOT NULL,
	"confirmed" boolean,
	"channel" text,
	"note" text,
	"checked_by" text,
	"checked_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "assessment_entries" ADD CONSTRAINT "assessment_entries_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_entries" ADD CONSTRAINT "assessment_entries_cadre_id_cadres_id_fk" FOREIGN KEY ("cadre_id") REFERENCES "public"."cadres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_filings" ADD CONSTRAINT "cycle_filings_cadre_id_cadres_id_fk" FOREIGN KEY ("cadre_id") REFERENCES "public"."cadres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_recommendations" ADD CONSTRAINT "report_recommendations_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_recommendations" ADD CONSTRAINT "report_recommendations_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spot_checks" ADD CONSTRAINT "spot_checks_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spot_checks" ADD CONSTRAINT "spot_checks_cadre_id_cadres_id_fk" FOREIGN KEY ("cadre_id") REFERENCES "public"."cadres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spot_checks" ADD CONSTRAINT "spot_checks_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assessment_entries_cadre_idx" ON "assessment_entries" USING btree ("cadre_id");--> statement-breakpoint
CREATE UNIQUE INDEX "assessments_unit_uq" ON "assessments" USING btree ("year","org_id","department");--> statement-breakpoint
CREATE UNIQUE INDEX "cycle_filings_cadre_year_kind_uq" ON "cycle_filings" USING btree ("cadre_id","year","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "report_recommendations_activity_uq" ON "report_recommendations" USING btree ("activity_id");--> statement-breakpoint
CREATE INDEX "report_recommendations_org_idx" ON "report_recommendations" USING btree ("org_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "spot_checks_uq" ON "spot_checks" USING btree ("assessment_id","cadre_id","contact_id");