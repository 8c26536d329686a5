ALTER TABLE "report_revisions" ADD COLUMN "patch" text;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "error_count" integer;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "warning_count" integer;