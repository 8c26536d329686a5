ALTER TABLE `report_revisions` ADD `patch` text;--> statement-breakpoint
ALTER TABLE `reports` ADD `error_count` integer;--> statement-breakpoint
ALTER TABLE `reports` ADD `warning_count` integer;