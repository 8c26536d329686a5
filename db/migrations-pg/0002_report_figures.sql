ALTER TABLE "reports" ADD COLUMN "figures" text;--> statement-breakpoint
-- A report's current version is stored once, in the report: a revision of it that kept a whole copy (a save of
-- every 20th version) gives it up and stands for the report's content until the next save fills it in again.
UPDATE report_revisions SET content = NULL
WHERE patch IS NULL AND content IS NOT NULL
  AND id = (SELECT max(later.id) FROM report_revisions later WHERE later.report_id = report_revisions.report_id)
  AND EXISTS (
    SELECT 1 FROM reports
    WHERE reports.id = report_revisions.report_id AND reports.version = report_revisions.version AND reports.content = report_revisions.content
  );
