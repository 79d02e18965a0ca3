CREATE TABLE "exemptions" (
	"id" text PRIMARY KEY NOT NULL,
	"rule" text NOT NULL,
	"basis_rule" text,
	"cadre_id" text,
	"point_id" text,
	"org_id" text,
	"from_date" date NOT NULL,
	"to_date" date NOT NULL,
	"requested_by_org_id" text NOT NULL,
	"approved_by" text,
	"approved_at" timestamp with time zone,
	"reason" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "org_presets" ADD COLUMN "params" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "exemptions" ADD CONSTRAINT "exemptions_cadre_id_cadres_id_fk" FOREIGN KEY ("cadre_id") REFERENCES "public"."cadres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exemptions" ADD CONSTRAINT "exemptions_point_id_contact_points_id_fk" FOREIGN KEY ("point_id") REFERENCES "public"."contact_points"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exemptions" ADD CONSTRAINT "exemptions_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exemptions" ADD CONSTRAINT "exemptions_requested_by_org_id_organizations_id_fk" FOREIGN KEY ("requested_by_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "exemptions_requested_by_idx" ON "exemptions" USING btree ("requested_by_org_id");--> statement-breakpoint
CREATE INDEX "exemptions_period_idx" ON "exemptions" USING btree ("to_date","from_date");