CREATE TABLE "posting_preferences" (
	"program_id" text NOT NULL,
	"cadre_id" text NOT NULL,
	"prefers_batches" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"avoid_batches" jsonb DEFAULT '[]'::jsonb NOT NULL,
	CONSTRAINT "posting_preferences_program_id_cadre_id_pk" PRIMARY KEY("program_id","cadre_id")
);
--> statement-breakpoint
ALTER TABLE "posting_preferences" ADD CONSTRAINT "posting_preferences_program_id_posting_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."posting_programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "posting_preferences" ADD CONSTRAINT "posting_preferences_cadre_id_cadres_id_fk" FOREIGN KEY ("cadre_id") REFERENCES "public"."cadres"("id") ON DELETE no action ON UPDATE no action;