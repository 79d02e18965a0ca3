-- The audit chain's head: the hash of its last row, in one row. Appending moves the head in the same
-- statement as it inserts the row (UPDATE ... WHERE last_hash = the hash the new row follows): the
-- row lock orders writers and the condition, rechecked on the newest head, keeps two rows from ever
-- following one hash, with no lock statement and no transaction of the write's own.
CREATE TABLE "audit_chain" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL CHECK ("id" = 1),
	"last_hash" text NOT NULL
);
--> statement-breakpoint
INSERT INTO "audit_chain" ("id", "last_hash")
	SELECT 1, coalesce((SELECT "hash" FROM "audit_log" ORDER BY "seq" DESC LIMIT 1), repeat('0', 64));
