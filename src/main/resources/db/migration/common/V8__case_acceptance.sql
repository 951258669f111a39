-- When a case was accepted (it fixes the legal rule version and starts the resolution clock) and whether the
-- accepting officer marked it complex (the COMPLEX variant of the rules).
alter table cases add column accepted_at timestamp(6) with time zone;
alter table cases add column complex boolean default false not null;
