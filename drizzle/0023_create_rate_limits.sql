CREATE TABLE "rate_limit_windows" (
	"rule" text NOT NULL,
	"key" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"hits" integer NOT NULL,
	CONSTRAINT "rate_limit_windows_rule_key_window_start_pk" PRIMARY KEY("rule","key","window_start")
);
