CREATE TABLE "public_rate_limits" (
	"bucket" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"hits" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "public_rate_limits_pk" PRIMARY KEY ("bucket", "window_start")
);
--> statement-breakpoint
CREATE INDEX "public_rate_limits_window_idx" ON "public_rate_limits" USING btree ("window_start");
--> statement-breakpoint
CREATE TABLE "public_cards" (
	"id" text PRIMARY KEY NOT NULL,
	"token" text NOT NULL,
	"cadre_id" text REFERENCES "cadres"("id"),
	"point_id" text REFERENCES "contact_points"("id"),
	"enabled" boolean DEFAULT false NOT NULL,
	"shows" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"post" text,
	"work_phone" text,
	"wechat" text,
	"hours" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "public_cards_one_owner" CHECK (("cadre_id" IS NULL) <> ("point_id" IS NULL))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "public_cards_token_uq" ON "public_cards" USING btree ("token");
--> statement-breakpoint
CREATE UNIQUE INDEX "public_cards_cadre_uq" ON "public_cards" USING btree ("cadre_id");
--> statement-breakpoint
CREATE UNIQUE INDEX "public_cards_point_uq" ON "public_cards" USING btree ("point_id");
--> statement-breakpoint
CREATE TABLE "card_messages" (
	"id" text PRIMARY KEY NOT NULL,
	"card_id" text NOT NULL REFERENCES "public_cards"("id"),
	"activity_id" text NOT NULL REFERENCES "activities"("id") ON DELETE CASCADE,
	"kind" text NOT NULL,
	"code_hash" text NOT NULL,
	"caller" text,
	"phone_enc" bytea,
	"phone_masked" text,
	"reply" text,
	"replied_by" text,
	"replied_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "card_messages_code_uq" ON "card_messages" USING btree ("code_hash");
--> statement-breakpoint
CREATE UNIQUE INDEX "card_messages_activity_uq" ON "card_messages" USING btree ("activity_id");
--> statement-breakpoint
CREATE TABLE "card_ratings" (
	"id" text PRIMARY KEY NOT NULL,
	"card_id" text NOT NULL REFERENCES "public_cards"("id"),
	"cadre_id" text NOT NULL REFERENCES "cadres"("id"),
	"message_id" text REFERENCES "card_messages"("id") ON DELETE SET NULL,
	"score" integer NOT NULL,
	"comment" text,
	"rated_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "card_ratings_score" CHECK ("score" BETWEEN 1 AND 5)
);
--> statement-breakpoint
CREATE INDEX "card_ratings_cadre_idx" ON "card_ratings" USING btree ("cadre_id", "rated_on");
--> statement-breakpoint
CREATE UNIQUE INDEX "card_ratings_message_uq" ON "card_ratings" USING btree ("message_id");
