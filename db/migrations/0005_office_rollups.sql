CREATE TABLE `office_rollups` (
	`office_id` integer NOT NULL,
	`year` integer NOT NULL,
	`stamp` text NOT NULL,
	`report` text NOT NULL,
	`included` integer NOT NULL,
	`computed_at` integer NOT NULL,
	PRIMARY KEY(`office_id`, `year`),
	FOREIGN KEY (`office_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action
);
