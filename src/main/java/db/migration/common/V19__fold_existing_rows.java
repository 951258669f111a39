package db.migration.common;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import vn.tandem.common.Folding;

/**
 * Folds the searchable text of the rows that existed before V18 (cases, inbox rows, audit entries), with the same
 * {@link Folding} the application uses for new rows. Audit entries are not touched: their folded text is inserted
 * into {@code audit_search}.
 */
public class V19__fold_existing_rows extends BaseJavaMigration {

    static final int BATCH = 500;

    /** Sets the statement's two parameters (folded text, key) from one row read. */
    interface Fold {
        void bind(ResultSet row, PreparedStatement write) throws SQLException;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        each(c, "select id, code, title from cases", "update cases set search_text = ? where id = ?", (row, w) -> {
            w.setString(1, Folding.fold(1000, row.getString("code"), row.getString("title")));
            w.setLong(2, row.getLong("id"));
        });
        each(
                c,
                "select task_id, case_code, case_title, task_name, task_name_en from inbox_item",
                "update inbox_item set search_text = ? where task_id = ?",
                (row, w) -> {
                    w.setString(
                            1,
                            Folding.fold(
                                    1000,
                                    row.getString("case_code"),
                                    row.getString("case_title"),
                                    row.getString("task_name"),
                                    row.getString("task_name_en")));
                    w.setString(2, row.getString("task_id"));
                });
        each(
                c,
                "select id, actor, action, case_code, entity_type, entity_id, details from audit_entry",
                "insert into audit_search (folded, entry_id) values (?, ?)",
                (row, w) -> {
                    w.setString(
                            1,
                            Folding.fold(
                                    21000,
                                    row.getString("actor"),
                                    row.getString("action"),
                                    row.getString("case_code"),
                                    row.getString("entity_type"),
                                    row.getString("entity_id"),
                                    row.getString("details")));
                    w.setLong(2, row.getLong("id"));
                });
    }

    /** Reads every row of {@code select} and writes each through {@code write}, in batches. */
    private static void each(Connection c, String select, String write, Fold fold) throws SQLException {
        try (Statement read = c.createStatement();
                ResultSet rows = read.executeQuery(select);
                PreparedStatement w = c.prepareStatement(write)) {
            int n = 0;
            while (rows.next()) {
                fold.bind(rows, w);
                w.addBatch();
                if (++n % BATCH == 0) {
                    w.executeBatch();
                }
            }
            w.executeBatch();
        }
    }
}
