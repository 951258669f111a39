package db.migration.common;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        try (Statement read = c.createStatement();
                ResultSet rows = read.executeQuery("select id, code, title from cases");
                PreparedStatement write = c.prepareStatement("update cases set search_text = ? where id = ?")) {
            int n = 0;
            while (rows.next()) {
                write.setString(1, Folding.fold(1000, rows.getString("code"), rows.getString("title")));
                write.setLong(2, rows.getLong("id"));
                write.addBatch();
                if (++n % BATCH == 0) {
                    write.executeBatch();
                }
            }
            write.executeBatch();
        }
        try (Statement read = c.createStatement();
                ResultSet rows = read.executeQuery(
                        "select task_id, case_code, case_title, task_name, task_name_en from inbox_item");
                PreparedStatement write =
                        c.prepareStatement("update inbox_item set search_text = ? where task_id = ?")) {
            int n = 0;
            while (rows.next()) {
                write.setString(
                        1,
                        Folding.fold(
                                1000,
                                rows.getString("case_code"),
                                rows.getString("case_title"),
                                rows.getString("task_name"),
                                rows.getString("task_name_en")));
                write.setString(2, rows.getString("task_id"));
                write.addBatch();
                if (++n % BATCH == 0) {
                    write.executeBatch();
                }
            }
            write.executeBatch();
        }
        try (Statement read = c.createStatement();
                ResultSet rows = read.executeQuery(
                        "select id, actor, action, case_code, entity_type, entity_id, details from audit_entry");
                PreparedStatement write =
                        c.prepareStatement("insert into audit_search (entry_id, folded) values (?, ?)")) {
            int n = 0;
            while (rows.next()) {
                write.setLong(1, rows.getLong("id"));
                write.setString(
                        2,
                        Folding.fold(
                                21000,
                                rows.getString("actor"),
                                rows.getString("action"),
                                rows.getString("case_code"),
                                rows.getString("entity_type"),
                                rows.getString("entity_id"),
                                rows.getString("details")));
                write.addBatch();
                if (++n % BATCH == 0) {
                    write.executeBatch();
                }
            }
            write.executeBatch();
        }
    }
}
