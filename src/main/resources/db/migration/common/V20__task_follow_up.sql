-- A follow-up date per task (Camunda's task follow-up date, mirrored in the inbox read model): until that day the
-- task is left out of the default inbox views.
alter table inbox_item add column follow_up timestamp(6) with time zone;
