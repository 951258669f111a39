-- The dashboard's trend and the risk outlook read the cases closed within the last weeks: without an index on the
-- closing time every read walked the whole register (a million closed cases at the benchmark's full size; issue 19).
create index ix_cases_closed_at on cases(closed_at);
