package vn.tandem.process.internal;

import java.time.Duration;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.tandem.process.TandemClock;

/** The application's single clock, kept in step with the engine's ClockUtil. */
@Configuration
class EngineConfig {

    private static final Logger log = LoggerFactory.getLogger(EngineConfig.class);

    /**
     * {@code tandem.clock.offset} (an ISO duration such as {@code P12D}) runs a demo instance ahead of real time —
     * to show or rehearse what happens as deadlines pass. Honoured only with the demo data enabled.
     */
    @Bean
    TandemClock clock(
            @Value("${tandem.zone:Asia/Ho_Chi_Minh}") String zone,
            @Value("${tandem.clock.offset:}") String offset,
            @Value("${tandem.demo.enabled:false}") boolean demo) {
        if (!offset.isBlank()) {
            if (!demo) {
                throw new IllegalStateException("tandem.clock.offset is only allowed with the demo profile");
            }
            ClockUtil.offset(Duration.parse(offset).toMillis());
            log.warn("Clock runs {} ahead of real time (tandem.clock.offset)", offset);
        }
        return new TandemClock(ZoneId.of(zone));
    }
}
