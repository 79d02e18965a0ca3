CREATE TABLE "bulletin_settings" (
	"org_id" text PRIMARY KEY NOT NULL,
	"rank_orgs" boolean DEFAULT false NOT NULL,
	"rank_cadres" boolean DEFAULT false NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "bulletin_settings" ADD CONSTRAINT "bulletin_settings_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE TABLE "org_assessments" (
	"id" text PRIMARY KEY NOT NULL,
	"year" integer NOT NULL,
	"org_id" text NOT NULL,
	"status" text NOT NULL,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "org_assessments" ADD CONSTRAINT "org_assessments_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "org_assessments_uq" ON "org_assessments" USING btree ("year","org_id");--> statement-breakpoint
CREATE TABLE "org_assessment_entries" (
	"assessment_id" text NOT NULL,
	"org_id" text NOT NULL,
	"grade" text,
	CONSTRAINT "org_assessment_entries_pk" PRIMARY KEY("assessment_id","org_id")
);
--> statement-breakpoint
ALTER TABLE "org_assessment_entries" ADD CONSTRAINT "org_assessment_entries_assessment_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."org_assessments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_assessment_entries" ADD CONSTRAINT "org_assessment_entries_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE TABLE "open_days" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"theme" text NOT NULL,
	"held_on" date NOT NULL,
	"place" text NOT NULL,
	"signup_open" boolean DEFAULT true NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "open_days" ADD CONSTRAINT "open_days_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "open_days_org_idx" ON "open_days" USING btree ("org_id","held_on");--> statement-breakpoint
CREATE TABLE "open_day_signups" (
	"id" text PRIMARY KEY NOT NULL,
	"open_day_id" text NOT NULL,
	"name" text NOT NULL,
	"unit" text NOT NULL,
	"phone_enc" "bytea" NOT NULL,
	"phone_hash" text NOT NULL,
	"phone_masked" text NOT NULL,
	"consent_contact" boolean DEFAULT false NOT NULL,
	"checked_in_at" timestamp with time zone,
	"checked_in_by" text,
	"contact_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "open_day_signups" ADD CONSTRAINT "open_day_signups_open_day_id_fk" FOREIGN KEY ("open_day_id") REFERENCES "public"."open_days"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "open_day_signups" ADD CONSTRAINT "open_day_signups_contact_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "open_day_signups_phone_uq" ON "open_day_signups" USING btree ("open_day_id","phone_hash");--> statement-breakpoint
CREATE TABLE "published_cases" (
	"activity_id" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"org_id" text NOT NULL,
	"published_by" text NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "published_cases" ADD CONSTRAINT "published_cases_activity_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "published_cases" ADD CONSTRAINT "published_cases_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;
