ALTER TABLE `office_rollups` ADD `skipped` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
-- Stored sums are a cache: those kept before this column are summed again.
DELETE FROM `office_rollups`;
