-- The audit trail is append-only in the database itself: any UPDATE or DELETE fails, whoever issues it.
create trigger audit_entry_no_update before update on audit_entry for each row
    call 'vn.tandem.audit.internal.AppendOnlyTrigger';
create trigger audit_entry_no_delete before delete on audit_entry for each row
    call 'vn.tandem.audit.internal.AppendOnlyTrigger';
