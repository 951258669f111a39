-- A comment written offline is queued with a key and sent once when the connection returns (issue 14).
alter table case_comment add column idempotency_key varchar(100);
create unique index ux_case_comment_key on case_comment(author, idempotency_key);
