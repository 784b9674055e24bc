CREATE TABLE "alert_messages" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"subscription_id" integer NOT NULL,
	"kind" text NOT NULL,
	"recipient" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"unsubscribe_url" text,
	"delivery" text DEFAULT 'pending' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"attempted_at" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"error" text,
	CONSTRAINT "alert_messages_kind_check" CHECK ("alert_messages"."kind" in ('confirm', 'alert')),
	CONSTRAINT "alert_messages_delivery_check" CHECK ("alert_messages"."delivery" in ('pending', 'sending', 'sent', 'failed', 'outbox'))
);
--> statement-breakpoint
CREATE TABLE "alert_subscriptions" (
	"id" serial PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"scope" text NOT NULL,
	"lang" text NOT NULL,
	"token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"confirmed_at" timestamp with time zone,
	"unsubscribed_at" timestamp with time zone,
	"sent_until" timestamp with time zone,
	CONSTRAINT "alert_subscriptions_token_unique" UNIQUE("token"),
	CONSTRAINT "alert_subscriptions_lang_check" CHECK ("alert_subscriptions"."lang" in ('pl', 'en'))
);
--> statement-breakpoint
ALTER TABLE "alert_messages" ADD CONSTRAINT "alert_messages_subscription_id_alert_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."alert_subscriptions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "alert_messages_pending_idx" ON "alert_messages" USING btree ("id") WHERE "alert_messages"."delivery" = 'pending';--> statement-breakpoint
CREATE INDEX "alert_messages_recipient_idx" ON "alert_messages" USING btree (lower("recipient"),"created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "alert_subscriptions_email_scope_idx" ON "alert_subscriptions" USING btree (lower("email"),"scope");