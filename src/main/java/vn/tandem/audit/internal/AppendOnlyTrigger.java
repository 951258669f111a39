package vn.tandem.audit.internal;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * H2 trigger that refuses every UPDATE and DELETE on {@code audit_entry} (see
 * {@code db/migration/h2/V4__audit_append_only.sql}); PostgreSQL has the same rule as a PL/pgSQL trigger.
 */
public class AppendOnlyTrigger implements Trigger {

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("audit_entry is append-only: entries cannot be changed or deleted", "42501");
    }
}
