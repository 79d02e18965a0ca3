ALTER TABLE "contact_points" ADD COLUMN "registered_on" date;
--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "secretary_tracked" boolean DEFAULT false NOT NULL;
--> statement-breakpoint
CREATE TABLE "point_proposals" (
	"id" text PRIMARY KEY NOT NULL,
	"proposed_by_org_id" text NOT NULL REFERENCES "organizations"("id"),
	"to_org_id" text NOT NULL REFERENCES "organizations"("id"),
	"org_id" text NOT NULL REFERENCES "organizations"("id"),
	"category" text,
	"topic" text,
	"showcase" boolean DEFAULT false NOT NULL,
	"reason" text,
	"status" text NOT NULL,
	"proposed_by" text NOT NULL,
	"proposed_on" date NOT NULL,
	"decided_by" text,
	"decided_on" date,
	"decision_note" text,
	"point_id" text REFERENCES "contact_points"("id"),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "point_proposals_to_idx" ON "point_proposals" USING btree ("to_org_id","status");
--> statement-breakpoint
CREATE INDEX "point_proposals_by_idx" ON "point_proposals" USING btree ("proposed_by_org_id");
--> statement-breakpoint
CREATE TABLE "secretary_terms" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL REFERENCES "organizations"("id"),
	"holder_name" text NOT NULL,
	"cadre_id" text REFERENCES "cadres"("id"),
	"from_date" date NOT NULL,
	"to_date" date,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "secretary_terms_org_idx" ON "secretary_terms" USING btree ("org_id","from_date");
--> statement-breakpoint
CREATE TABLE "secretary_vacancies" (
	"org_id" text NOT NULL REFERENCES "organizations"("id"),
	"from_date" date NOT NULL,
	"to_date" date,
	CONSTRAINT "secretary_vacancies_pk" PRIMARY KEY ("org_id","from_date")
);
--> statement-breakpoint
CREATE TABLE "org_filings" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL REFERENCES "organizations"("id"),
	"to_org_id" text REFERENCES "organizations"("id"),
	"kind" text NOT NULL,
	"year" integer NOT NULL,
	"half" integer,
	"status" text NOT NULL,
	"body" text,
	"file_name" text,
	"file_mime" text,
	"file_enc" bytea,
	"first_submitted_on" date,
	"submitted_on" date,
	"review_comment" text,
	"reviewed_by" text,
	"reviewed_on" date,
	"updated_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "org_filings_org_idx" ON "org_filings" USING btree ("org_id","year","kind");
--> statement-breakpoint
CREATE INDEX "org_filings_to_idx" ON "org_filings" USING btree ("to_org_id","year");
