package vn.tandem.identity;

import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Outside the demo profile no default password exists: the first administrator is created from
 * {@code TANDEM_ADMIN_PASSWORD} (and optionally {@code TANDEM_ADMIN_USERNAME}) when no administrator exists yet.
 */
@Component
@Order(0)
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final Directory directory;
    private final String username;
    private final String password;

    AdminBootstrap(
            Directory directory,
            @Value("${TANDEM_ADMIN_USERNAME:admin}") String username,
            @Value("${TANDEM_ADMIN_PASSWORD:}") String password) {
        this.directory = directory;
        this.username = username;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!StringUtils.hasText(password) || directory.anyAdmin() || directory.exists(username)) {
            if (!directory.anyAdmin()) {
                log.warn("No administrator exists: set TANDEM_ADMIN_PASSWORD to create the first one.");
            }
            return;
        }
        if (password.length() < 12) {
            log.error("TANDEM_ADMIN_PASSWORD must have at least 12 characters; no administrator was created.");
            return;
        }
        // a unit at the top of the area tree (administrators see every case wherever they are)
        Unit unit = directory.units().stream()
                .filter(u -> u.getArea().getParentId() == null)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No province-level unit in the reference data"));
        String fullName = ResourceBundle.getBundle(
                        "messages",
                        Locale.ROOT,
                        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES))
                .getString("admin.bootstrap.fullName");
        directory.createUser(username, password, fullName, null, unit.getCode(), Set.of(Role.ADMIN));
        log.info("Created the first administrator '{}'.", username);
    }
}
