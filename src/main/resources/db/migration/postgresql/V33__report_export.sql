-- Period summary exports made in the background (issue 16): one row per request, its progress and, when done, the
-- file itself, so any node can answer "is it ready?" and serve the file. Rows older than a day are deleted.
create table report_export (
    id            varchar(36)   primary key,
    requested_by  varchar(100)  not null,
    format        varchar(10)   not null,
    from_day      date          not null,
    to_day        date          not null,
    agency        varchar(20),
    unit_id       bigint,
    locale        varchar(10)   not null,
    status        varchar(10)   not null,
    progress      integer       not null,
    file_name     varchar(200),
    content       bytea,
    error         varchar(500),
    created_at    timestamp(6) with time zone not null,
    finished_at   timestamp(6) with time zone
);
create index ix_report_export_user on report_export(requested_by, created_at);
