-- One table for every request counter kept in the database (issue 17): an Open311 key's requests per minute and a
-- citizen's status look-ups per address and per case code share it (bucket names say whose), replacing the two
-- tables V34 and V35 made for each.
create table rate_counter (
    bucket        varchar(150)  not null,
    window_start  timestamp(6) with time zone not null,
    hits          integer       not null,
    primary key (bucket, window_start)
);
drop table open311_hit;
drop table status_lookup_hit;
