-- Information requests about a unit and a topic, without a case (issue 14); the answer's document, for such a
-- request, is kept with the request (a case's requests keep theirs with the case).
alter table information_request alter column case_id drop not null;
alter table information_request add column unit_id bigint references unit(id);
alter table information_request add column area_path varchar(200);
alter table information_request add column topic varchar(200);
alter table information_request add column document_name varchar(200);
alter table information_request add column document_type varchar(100);
alter table information_request add column document_size bigint;
alter table information_request add column document_key varchar(100);
create index ix_information_request_area on information_request(area_path, requested_at);

-- The inbox lists tasks about such a request too: no case, the request's reference and page instead.
alter table inbox_item alter column case_id drop not null;
alter table inbox_item add column subject_link varchar(200);
