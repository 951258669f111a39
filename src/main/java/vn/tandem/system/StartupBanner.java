package vn.tandem.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Prints where Tandem runs once it is ready (the demo module prints its logins). */
@Component
class StartupBanner {

    private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

    @EventListener
    void ready(ApplicationReadyEvent event) {
        if (event.getApplicationContext() instanceof WebServerApplicationContext web && web.getWebServer() != null) {
            Environment env = event.getApplicationContext().getEnvironment();
            String path = env.getProperty("server.servlet.context-path", "");
            log.info(
                    "Tandem is ready: open http://localhost:{}{}/",
                    web.getWebServer().getPort(),
                    path);
        }
    }
}
