ALTER TABLE `comments` ADD `resolved_at` integer;--> statement-breakpoint
ALTER TABLE `comments` ADD `resolved_by_id` integer REFERENCES users(id);