-- A notice's Word file is its record; its PDF is rendered from it on the first download and kept (issue 19: rendering
-- each notice's PDF as it was issued was 7% of the CPU samples of the benchmark's Tandem case flow).
alter table case_notice alter column pdf drop not null;
