-- Inbox pages are sorted by (due_at, task_id): with an index in that order the database walks it and stops after
-- one page, instead of sorting every matching row (measured in docs/benchmarks.md).
drop index ix_inbox_due;
drop index ix_inbox_assignee_due;
create index ix_inbox_due_task on inbox_item(due_at, task_id);
create index ix_inbox_assignee_due_task on inbox_item(assignee, due_at, task_id);
