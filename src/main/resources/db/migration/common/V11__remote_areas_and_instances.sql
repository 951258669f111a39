-- Rule variants that depend on the case (DESIGN §5): a remote area (vùng sâu, vùng xa: longer complaint limits,
-- Law on Complaints arts. 28 and 37) and the instance of a complaint (2nd instance: art. 37). The case keeps
-- what held when it was received.
alter table area add column remote boolean default false not null;
alter table cases add column remote_area boolean default false not null;
alter table cases add column instance_no integer default 1 not null;

-- the mountainous commune of the reference data
update area set remote = true where code = 'X-CHIEMHOA';
