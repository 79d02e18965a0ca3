CREATE TABLE "fact_book_entries" (
	"id" text PRIMARY KEY NOT NULL,
	"seq" bigserial NOT NULL,
	"point_id" text NOT NULL,
	"section" text NOT NULL,
	"text" text NOT NULL,
	"written_by" text NOT NULL,
	"written_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "fact_book_entries" ADD CONSTRAINT "fact_book_entries_point_id_contact_points_id_fk" FOREIGN KEY ("point_id") REFERENCES "public"."contact_points"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "fact_book_entries_point_idx" ON "fact_book_entries" USING btree ("point_id","seq");--> statement-breakpoint
CREATE TABLE "conduct_records" (
	"id" text PRIMARY KEY NOT NULL,
	"cadre_id" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"issued_by" text NOT NULL,
	"on_date" date NOT NULL,
	"note" text,
	"recorded_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "conduct_records" ADD CONSTRAINT "conduct_records_cadre_id_cadres_id_fk" FOREIGN KEY ("cadre_id") REFERENCES "public"."cadres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "conduct_records_cadre_idx" ON "conduct_records" USING btree ("cadre_id","on_date");--> statement-breakpoint
ALTER TABLE "cadres" ADD COLUMN "ethnicity" text;--> statement-breakpoint
ALTER TABLE "cadres" ADD COLUMN "political_status" text;--> statement-breakpoint
ALTER TABLE "cadres" ADD COLUMN "education" text;--> statement-breakpoint
ALTER TABLE "cadres" ADD COLUMN "joined_league_on" text;--> statement-breakpoint
ALTER TABLE "cadres" ADD COLUMN "position_since" text;
