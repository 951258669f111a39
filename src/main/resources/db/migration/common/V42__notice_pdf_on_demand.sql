-- A notice's Word file is its record; its PDF is rendered from it on the first download and kept (issue 19: rendering
-- every notice's PDF when it was issued took most of the CPU of a case's acceptance).
alter table case_notice alter column pdf drop not null;
