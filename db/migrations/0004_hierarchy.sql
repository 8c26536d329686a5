ALTER TABLE `agencies` RENAME COLUMN "township_deadline" TO "children_deadline";--> statement-breakpoint
CREATE TABLE `agency_ancestors` (
	`ancestor_id` integer NOT NULL,
	`agency_id` integer NOT NULL,
	`depth` integer NOT NULL,
	PRIMARY KEY(`ancestor_id`, `agency_id`),
	FOREIGN KEY (`ancestor_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `agency_ancestors_agency` ON `agency_ancestors` (`agency_id`,`depth`);--> statement-breakpoint
ALTER TABLE `agencies` ADD `office_tier` text;--> statement-breakpoint
-- Today's data as it is: every agency without a parent was a county office; its agencies sit one level below.
UPDATE `agencies` SET `office_tier` = 'county' WHERE `parent_id` IS NULL;--> statement-breakpoint
INSERT INTO `agency_ancestors` (`ancestor_id`, `agency_id`, `depth`)
WITH RECURSIVE line(ancestor_id, agency_id, depth) AS (
	SELECT `id`, `id`, 0 FROM `agencies`
	UNION ALL
	SELECT a.`parent_id`, line.agency_id, line.depth + 1 FROM line JOIN `agencies` a ON a.`id` = line.ancestor_id WHERE a.`parent_id` IS NOT NULL
)
SELECT ancestor_id, agency_id, depth FROM line;
