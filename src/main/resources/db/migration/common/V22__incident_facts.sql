-- What a security-and-order incident needs at intake (issue 13): when it happened, how it was detected, people
-- involved, injuries or damage, forces on scene. Null for grievances.
alter table cases add column incident_occurred_at timestamp(6) with time zone;
alter table cases add column incident_detected_by varchar(20);
alter table cases add column incident_people integer;
alter table cases add column incident_harm varchar(1000);
alter table cases add column incident_forces varchar(1000);
