-- A share records how (FULL participation, or READ_ONLY for an agency asked for information), why, by whom, when.
alter table case_shared_agency add column mode varchar(20) default 'FULL' not null;
alter table case_shared_agency add column reason varchar(1000);
alter table case_shared_agency add column shared_by varchar(100);
alter table case_shared_agency add column shared_at timestamp(6) with time zone;
