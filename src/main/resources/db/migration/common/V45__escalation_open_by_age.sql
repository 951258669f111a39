-- The dashboard's escalation queue lists the oldest open escalations first and counts the rest by query (issue 19):
-- the index lets it walk the open ones in the order it lists them.
create index ix_escalation_open_raised on escalation(status, raised_at);
