CREATE TABLE "posting_batches" (
	"id" text PRIMARY KEY NOT NULL,
	"program_id" text NOT NULL,
	"name" text NOT NULL,
	"start_date" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "posting_groups" (
	"id" text PRIMARY KEY NOT NULL,
	"program_id" text NOT NULL,
	"batch_id" text NOT NULL,
	"prefecture_org_id" text NOT NULL,
	"leader_cadre_id" text
);
--> statement-breakpoint
CREATE TABLE "posting_leaves" (
	"id" text PRIMARY KEY NOT NULL,
	"posting_id" text NOT NULL,
	"reason" text NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date NOT NULL,
	"status" text NOT NULL,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "posting_plans" (
	"id" text PRIMARY KEY NOT NULL,
	"program_id" text NOT NULL,
	"status" text NOT NULL,
	"problem" jsonb NOT NULL,
	"plan" jsonb NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_by" text,
	"published_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "posting_programs" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"org_id" text NOT NULL,
	"organ_ids" jsonb NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "posting_reports" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"group_id" text,
	"posting_id" text,
	"body" text NOT NULL,
	"status" text NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"submitted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "postings" (
	"id" text PRIMARY KEY NOT NULL,
	"program_id" text NOT NULL,
	"batch_id" text NOT NULL,
	"cadre_id" text NOT NULL,
	"org_id" text NOT NULL,
	"group_id" text,
	"from_date" date NOT NULL,
	"to_date" date NOT NULL,
	"months" integer NOT NULL,
	"point_id" text,
	"deliverables" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "posting_batches" ADD CONSTRAINT "posting_batches_program_id_posting_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."posting_programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "posting_groups" ADD CONSTRAINT "posting_groups_program_id_posting_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."posting_programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "posting_groups" ADD CONSTRAINT "posting_groups_batch_id_posting_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."posting_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "posting_groups" ADD CONSTRAINT "posting_groups_prefecture_org_id_organizations_id_fk" FOREIGN KEY ("prefecture_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "posting_groups" ADD CONSTRAINT "posting_groups_leader_cadre_id_cadres_id_fk" FOREIGN KEY ("leader_cadre_id") REFERENCES "public"."cadres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "posting_leaves" ADD CONSTRAINT "posting_leaves_posting_id_postings_id_fk" FOREIGN KEY ("posting_id") REFERENCES "public"."postings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "posting_plans" ADD CONSTRAINT "posting_plans_program_id_posting_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."posting_programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "posting_programs" ADD CONSTRAINT "posting_programs_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "posting_reports" ADD CONSTRAINT "posting_reports_group_id_posting_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."posting_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "posting_reports" ADD CONSTRAINT "posting_reports_posting_id_postings_id_fk" FOREIGN KEY ("posting_id") REFERENCES "public"."postings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "postings" ADD CONSTRAINT "postings_program_id_posting_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."posting_programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "postings" ADD CONSTRAINT "postings_batch_id_posting_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."posting_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "postings" ADD CONSTRAINT "postings_cadre_id_cadres_id_fk" FOREIGN KEY ("cadre_id") REFERENCES "public"."cadres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "postings" ADD CONSTRAINT "postings_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "postings" ADD CONSTRAINT "postings_group_id_posting_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."posting_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "postings" ADD CONSTRAINT "postings_point_id_contact_points_id_fk" FOREIGN KEY ("point_id") REFERENCES "public"."contact_points"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "posting_batches_program_idx" ON "posting_batches" USING btree ("program_id","start_date");--> statement-breakpoint
CREATE INDEX "posting_groups_program_idx" ON "posting_groups" USING btree ("program_id");--> statement-breakpoint
CREATE INDEX "posting_leaves_posting_idx" ON "posting_leaves" USING btree ("posting_id");--> statement-breakpoint
CREATE INDEX "posting_plans_program_idx" ON "posting_plans" USING btree ("program_id","status");--> statement-breakpoint
CREATE INDEX "posting_programs_org_idx" ON "posting_programs" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "posting_reports_group_uq" ON "posting_reports" USING btree ("group_id");--> statement-breakpoint
CREATE UNIQUE INDEX "posting_reports_posting_uq" ON "posting_reports" USING btree ("posting_id");--> statement-breakpoint
CREATE INDEX "postings_cadre_idx" ON "postings" USING btree ("cadre_id","from_date");--> statement-breakpoint
CREATE INDEX "postings_group_idx" ON "postings" USING btree ("group_id");--> statement-breakpoint
CREATE UNIQUE INDEX "postings_batch_cadre_uq" ON "postings" USING btree ("batch_id","cadre_id");