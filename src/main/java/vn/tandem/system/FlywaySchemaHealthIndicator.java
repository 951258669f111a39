package vn.tandem.system;

import java.util.Arrays;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Readiness of the schema ({@code flywaySchema}): down while a migration is pending or one failed (a node of an
 * older version on a newer schema is refused by Flyway at start; this catches the opposite), with the version.
 */
@Component("flywaySchemaHealthIndicator")
class FlywaySchemaHealthIndicator implements HealthIndicator {

    private final Flyway flyway;

    FlywaySchemaHealthIndicator(Flyway flyway) {
        this.flyway = flyway;
    }

    @Override
    public Health health() {
        MigrationInfoService info = flyway.info();
        MigrationInfo current = info.current();
        long pending = info.pending().length;
        long failed =
                Arrays.stream(info.all()).filter(m -> m.getState().isFailed()).count();
        Health.Builder health = pending == 0 && failed == 0 ? Health.up() : Health.down();
        return health.withDetail(
                        "version", current == null ? "" : current.getVersion().getVersion())
                .withDetail("pending", pending)
                .withDetail("failed", failed)
                .build();
    }
}
