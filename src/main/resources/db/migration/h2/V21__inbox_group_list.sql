-- The inbox's candidate groups again on the row, as |group|group|: "offered to a group of mine" becomes a test on
-- the row the page walks instead of a correlated subquery per row (docs/benchmarks.md, issue 12).
alter table inbox_item add column candidate_groups varchar(1000);
update inbox_item i set candidate_groups = (
    select '|' || listagg(c.group_id, '|') within group (order by c.group_id) || '|'
    from inbox_candidate c where c.task_id = i.task_id);
