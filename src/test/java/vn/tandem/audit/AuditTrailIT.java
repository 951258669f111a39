package vn.tandem.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.tandem.support.Api;
import vn.tandem.support.TandemIntegrationTest;

/** The audit trail is append-only down to the database (H2 and PostgreSQL) and records failed logins. */
@TandemIntegrationTest
class AuditTrailIT {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AuditEntries entries;

    @Autowired
    TestRestTemplate rest;

    @Test
    void rawSqlCannotChangeOrDeleteAnEntry() {
        new Api(rest, "officer.congan").createCase(2, "PETITION", "Vụ việc để kiểm tra nhật ký");
        long count = entries.count();
        assertThat(count).isPositive();
        assertThatThrownBy(() -> jdbc.update("update audit_entry set actor = 'someone-else'"))
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.update("delete from audit_entry")).isInstanceOf(DataAccessException.class);
        assertThat(entries.count()).isEqualTo(count);
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where actor = 'someone-else'", Long.class))
                .isZero();
    }

    @Test
    void failedLoginsAreAuditedWithTheClientAddress() {
        long before = entries.findByActionOrderByIdAsc("LOGIN_FAILED").size();
        assertThat(new Api(rest, "officer.congan")
                        .get("/api/tasks")
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        assertThat(rest.withBasicAuth("officer.congan", "not-the-password")
                        .getForEntity("/api/tasks", String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(401);
        var failed = entries.findByActionOrderByIdAsc("LOGIN_FAILED");
        assertThat(failed).hasSize((int) before + 1);
        assertThat(failed.get(failed.size() - 1).getActor()).isEqualTo("officer.congan");
        assertThat(failed.get(failed.size() - 1).getClientIp()).isNotBlank();
    }
}
