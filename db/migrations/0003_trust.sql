CREATE TABLE `login_attempts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`username` text NOT NULL,
	`address` text,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `login_attempts_user` ON `login_attempts` (`username`,`at`);--> statement-breakpoint
CREATE INDEX `login_attempts_address` ON `login_attempts` (`address`,`at`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`last_seen_at` integer NOT NULL,
	`address` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sessions_user` ON `sessions` (`user_id`);--> statement-breakpoint
DROP INDEX `agencies_name_unique`;--> statement-breakpoint
CREATE UNIQUE INDEX `agencies_parent_name` ON `agencies` (coalesce(`parent_id`, 0),`name`);--> statement-breakpoint
ALTER TABLE `reports` ADD `imported_by` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `reports` ADD `imported_at` integer;--> statement-breakpoint
ALTER TABLE `reports` ADD `imported_from` text;--> statement-breakpoint
ALTER TABLE `users` ADD `must_change_password` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `disabled_at` integer;