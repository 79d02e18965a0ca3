CREATE TABLE "conduct_records" (
	"id" text PRIMARY KEY NOT NULL,
	"cadre_id" text NOT NULL REFERENCES "cadres"("id"),
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"decided_on" date NOT NULL,
	"issued_by" text NOT NULL,
	"document_no" text,
	"reason" text,
	"recorded_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "conduct_records_cadre_idx" ON "conduct_records" USING btree ("cadre_id","decided_on");
