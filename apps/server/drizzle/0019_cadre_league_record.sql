ALTER TABLE "cadres" ADD COLUMN "ethnicity" text;--> statement-breakpoint
ALTER TABLE "cadres" ADD COLUMN "political_status" text;--> statement-breakpoint
ALTER TABLE "cadres" ADD COLUMN "education" text;--> statement-breakpoint
ALTER TABLE "cadres" ADD COLUMN "joined_league_on" text;--> statement-breakpoint
ALTER TABLE "cadres" ADD COLUMN "position_since" text;
