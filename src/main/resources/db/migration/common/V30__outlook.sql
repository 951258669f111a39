-- The risk outlook (issue 15): its weights and level thresholds are data an administrator edits (audited); the
-- defaults are those the backtest in docs/benchmarks.md was run with. outlook_level keeps each unit's last level
-- so supervisors are told once when it crosses into HIGH or CRITICAL.
create table outlook_weight (
    code        varchar(40)  primary key,
    weight      double precision not null,
    changed_by  varchar(100) not null,
    changed_at  timestamp(6) with time zone not null
);
insert into outlook_weight (code, weight, changed_by, changed_at) values
  ('RISK_LOW', 0.5, 'system', current_timestamp),
  ('RISK_MEDIUM', 1.5, 'system', current_timestamp),
  ('RISK_HIGH', 4, 'system', current_timestamp),
  ('RISK_CRITICAL', 8, 'system', current_timestamp),
  ('HALF_LIFE_DAYS', 14, 'system', current_timestamp),
  ('CROWD', 3, 'system', current_timestamp),
  ('LEVEL_SKIPPING', 4, 'system', current_timestamp),
  ('HOTSPOT', 6, 'system', current_timestamp),
  ('SLA_BREACH', 1.5, 'system', current_timestamp),
  ('REPEAT_PETITIONER', 2, 'system', current_timestamp),
  ('REOPENED', 2.5, 'system', current_timestamp),
  ('LEVEL_ELEVATED', 5, 'system', current_timestamp),
  ('LEVEL_HIGH', 12, 'system', current_timestamp),
  ('LEVEL_CRITICAL', 24, 'system', current_timestamp);

create table outlook_level (
    unit_id     bigint       primary key references unit(id),
    level       varchar(20)  not null,
    score       double precision not null,
    changed_at  timestamp(6) with time zone not null,
    version     bigint       default 0 not null
);
