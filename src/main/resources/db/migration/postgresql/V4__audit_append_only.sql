-- The audit trail is append-only in the database itself: any UPDATE, DELETE or TRUNCATE fails.
create function audit_entry_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_entry is append-only: entries cannot be changed or deleted'
        using errcode = 'insufficient_privilege';
end;
$$;

create trigger audit_entry_no_update_delete before update or delete on audit_entry
    for each row execute function audit_entry_append_only();
create trigger audit_entry_no_truncate before truncate on audit_entry
    for each statement execute function audit_entry_append_only();
