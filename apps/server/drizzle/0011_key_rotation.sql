-- npx lianxin rotate-key (issue 16): one row per rotation of the field key. `progress` is kept in the
-- same transaction as each batch it records, so a run stopped at any moment resumes where it stood and
-- never encrypts a value twice. At most one rotation runs at a time.
CREATE TABLE "key_rotations" (
	"id" text PRIMARY KEY NOT NULL,
	"old_key_id" text NOT NULL,
	"new_key_id" text NOT NULL,
	"progress" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"started_by" text NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE UNIQUE INDEX "key_rotations_running_uq" ON "key_rotations" USING btree ((true)) WHERE "finished_at" IS NULL;
