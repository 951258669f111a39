-- The legal clock of each case as of its last change, kept in the transaction of the change (issue 19): the dashboard,
-- GET /api/sla/summary and the SLA metrics count open cases by state in one query over these dates instead of
-- computing every open case's clocks on each request. A case without a row (new, or after a change of the rules or
-- the holiday calendar) and a paused clock are computed live, so a count is never wrong, only slower.
create table case_clock_now (
    case_id                  bigint      not null primary key references cases(id) on delete cascade,
    -- RUNNING: the current clock's dates below hold; PAUSED: computed live; NONE: no clock the dashboard counts
    kept                     varchar(8)  not null,
    step                     varchar(40),
    warning_on               date,
    due_on                   date,
    statutory_due_on         date,
    -- the resolution clock of a decided or closed case, for the dashboard's weekly trend
    resolve_end_on           date,
    resolve_due_on           date,
    resolve_statutory_due_on date,
    refreshed_at             timestamp(6) with time zone not null
);
create index ix_case_clock_now_due on case_clock_now(kept, due_on);
