CREATE TABLE "activities" (
	"id" text PRIMARY KEY NOT NULL,
	"cadre_id" text NOT NULL,
	"type" text NOT NULL,
	"point_id" text,
	"start_date" date,
	"end_date" date,
	"travel_days" integer,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "activity_contacts" (
	"activity_id" text NOT NULL,
	"contact_id" text NOT NULL,
	CONSTRAINT "activity_contacts_activity_id_contact_id_pk" PRIMARY KEY("activity_id","contact_id")
);
--> statement-breakpoint
CREATE TABLE "attachments" (
	"id" text PRIMARY KEY NOT NULL,
	"activity_id" text NOT NULL,
	"file_name" text NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contact_keepers" (
	"contact_id" text NOT NULL,
	"cadre_id" text NOT NULL,
	"key" boolean DEFAULT false NOT NULL,
	CONSTRAINT "contact_keepers_contact_id_cadre_id_pk" PRIMARY KEY("contact_id","cadre_id")
);
--> statement-breakpoint
CREATE TABLE "contact_points" (
	"id" text PRIMARY KEY NOT NULL,
	"cadre_id" text,
	"holder_org_id" text,
	"org_id" text NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date,
	"category" text,
	"topic" text,
	"showcase" boolean DEFAULT false NOT NULL,
	"predecessor_id" text,
	"handover_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contacts" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"field" text,
	"unit" text,
	"tags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"phone_enc" "bytea",
	"phone_hash" text,
	"phone_masked" text,
	"id_number_enc" "bytea",
	"id_number_hash" text,
	"id_number_masked" text,
	"channels_enc" "bytea",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "org_presets" (
	"org_id" text NOT NULL,
	"preset" text NOT NULL,
	CONSTRAINT "org_presets_org_id_preset_pk" PRIMARY KEY("org_id","preset")
);
--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_cadre_id_cadres_id_fk" FOREIGN KEY ("cadre_id") REFERENCES "public"."cadres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_point_id_contact_points_id_fk" FOREIGN KEY ("point_id") REFERENCES "public"."contact_points"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_contacts" ADD CONSTRAINT "activity_contacts_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_contacts" ADD CONSTRAINT "activity_contacts_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_keepers" ADD CONSTRAINT "contact_keepers_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_keepers" ADD CONSTRAINT "contact_keepers_cadre_id_cadres_id_fk" FOREIGN KEY ("cadre_id") REFERENCES "public"."cadres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_points" ADD CONSTRAINT "contact_points_cadre_id_cadres_id_fk" FOREIGN KEY ("cadre_id") REFERENCES "public"."cadres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_points" ADD CONSTRAINT "contact_points_holder_org_id_organizations_id_fk" FOREIGN KEY ("holder_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_points" ADD CONSTRAINT "contact_points_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_presets" ADD CONSTRAINT "org_presets_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activities_cadre_idx" ON "activities" USING btree ("cadre_id","end_date");--> statement-breakpoint
CREATE INDEX "activities_point_idx" ON "activities" USING btree ("point_id");--> statement-breakpoint
CREATE INDEX "activities_type_idx" ON "activities" USING btree ("type","end_date");--> statement-breakpoint
CREATE INDEX "activity_contacts_contact_idx" ON "activity_contacts" USING btree ("contact_id");--> statement-breakpoint
CREATE INDEX "attachments_activity_idx" ON "attachments" USING btree ("activity_id");--> statement-breakpoint
CREATE INDEX "contact_keepers_cadre_idx" ON "contact_keepers" USING btree ("cadre_id");--> statement-breakpoint
CREATE INDEX "contact_points_cadre_idx" ON "contact_points" USING btree ("cadre_id");--> statement-breakpoint
CREATE INDEX "contact_points_org_idx" ON "contact_points" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "contacts_phone_uq" ON "contacts" USING btree ("phone_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "contacts_id_number_uq" ON "contacts" USING btree ("id_number_hash");