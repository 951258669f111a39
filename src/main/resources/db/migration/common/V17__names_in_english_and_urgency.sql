-- Task names in English (the model's name.en property, evaluated when the task opened) and the task's priority
-- (urgent information requests, hot spots and escalations are marked in the inbox).
alter table inbox_item add column task_name_en varchar(300);
alter table inbox_item add column priority integer default 50 not null;
alter table escalation add column watched_task_name_en varchar(300);

-- A task form's draft, saved while it is typed (every 10 seconds at most), per task and user, so a lost session,
-- a closed tab or another device loses nothing; deleted when the task ends.
create table task_draft (
    task_id    varchar(64)   not null,
    username   varchar(100)  not null,
    content    varchar(65536) not null,
    saved_at   timestamp(6) with time zone not null,
    constraint pk_task_draft primary key (task_id, username)
);
