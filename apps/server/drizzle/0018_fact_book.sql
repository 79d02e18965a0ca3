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
CREATE INDEX "fact_book_entries_point_idx" ON "fact_book_entries" USING btree ("point_id","seq");
