-- Issue 12: a ledger import runs as a job off the request path; this row is what its starter
-- (or an admin over them) reads of its progress and outcome.
CREATE TABLE "import_jobs" (
  "id" text PRIMARY KEY NOT NULL,
  "kind" text NOT NULL,
  "status" text NOT NULL,
  "phase" text NOT NULL,
  "done" integer DEFAULT 0 NOT NULL,
  "total" integer DEFAULT 0 NOT NULL,
  "counts" jsonb,
  "error" jsonb,
  "account_id" text REFERENCES "accounts"("id"),
  "actor" text NOT NULL,
  "scope_org_id" text REFERENCES "organizations"("id"),
  "runner" text NOT NULL,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "finished_at" timestamp with time zone,
  CONSTRAINT "import_jobs_status_ck" CHECK ("status" IN ('running', 'succeeded', 'rejected', 'failed'))
);
--> statement-breakpoint
CREATE INDEX "import_jobs_account_idx" ON "import_jobs" ("account_id", "created_at");
