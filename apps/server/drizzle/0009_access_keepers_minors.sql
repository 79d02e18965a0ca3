CREATE TABLE "keeper_requests" (
	"id" text PRIMARY KEY NOT NULL,
	"contact_id" text NOT NULL,
	"cadre_id" text NOT NULL,
	"requested_by" text NOT NULL,
	"note" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "guardian_consent" jsonb;--> statement-breakpoint
ALTER TABLE "keeper_requests" ADD CONSTRAINT "keeper_requests_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "keeper_requests" ADD CONSTRAINT "keeper_requests_cadre_id_cadres_id_fk" FOREIGN KEY ("cadre_id") REFERENCES "public"."cadres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "keeper_requests_pending_uq" ON "keeper_requests" USING btree ("contact_id","cadre_id") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "keeper_requests_status_idx" ON "keeper_requests" USING btree ("status");