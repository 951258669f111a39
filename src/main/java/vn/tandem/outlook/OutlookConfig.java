package vn.tandem.outlook;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The outlook's daily watch runs on Spring's scheduler. */
@Configuration
@EnableScheduling
class OutlookConfig {}
