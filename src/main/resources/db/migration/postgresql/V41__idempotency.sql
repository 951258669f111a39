-- Idempotent writes (issue 18): the first answer to an API write sent with an Idempotency-Key, and the outcome of a
-- page form's one-time token, kept in the database so a retry that lands on another node is answered the same.
-- scope: API or FORM; owner: the user; request_hash: what the request asked (a key reused for another request: 422).
create table idempotency_record (
    scope         varchar(10)   not null,
    owner         varchar(100)  not null,
    idem_key      varchar(200)  not null,
    request_hash  varchar(64)   not null,
    completed     boolean       not null,
    status        integer,
    content_type  varchar(200),
    location      varchar(1000),
    body          bytea,
    created_at    timestamp(6) with time zone not null,
    primary key (scope, owner, idem_key)
);
create index ix_idempotency_created on idempotency_record(created_at);
