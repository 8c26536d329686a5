PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_report_revisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`report_id` integer NOT NULL,
	`version` integer NOT NULL,
	`content` text,
	`author_id` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_report_revisions`("id", "report_id", "version", "content", "author_id", "created_at") SELECT "id", "report_id", "version", "content", "author_id", "created_at" FROM `report_revisions`;--> statement-breakpoint
DROP TABLE `report_revisions`;--> statement-breakpoint
ALTER TABLE `__new_report_revisions` RENAME TO `report_revisions`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `report_revisions_report` ON `report_revisions` (`report_id`,`version`);--> statement-breakpoint
-- Each report's current version is stored once, in the report: its latest revision of that version keeps no copy.
UPDATE `report_revisions` SET `content` = NULL WHERE `id` IN (
	SELECT max(rr.`id`) FROM `report_revisions` rr JOIN `reports` r ON r.`id` = rr.`report_id` AND rr.`version` = r.`version` AND rr.`content` = r.`content`
	GROUP BY rr.`report_id`
);
