-- The citizen status page (issue 17): look-ups counted per client address and per case code in the database (one
-- row per bucket and window), so the limit holds across nodes; rows older than a day are deleted.
create table status_lookup_hit (
    bucket        varchar(120)  not null,
    window_start  timestamp(6) with time zone not null,
    hits          integer       not null,
    primary key (bucket, window_start)
);
