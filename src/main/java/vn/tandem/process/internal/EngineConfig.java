package vn.tandem.process.internal;

import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.tandem.process.TandemClock;

/** The application's single clock, kept in step with the engine's ClockUtil. */
@Configuration
class EngineConfig {

    @Bean
    TandemClock clock(@Value("${tandem.zone:Asia/Ho_Chi_Minh}") String zone) {
        return new TandemClock(ZoneId.of(zone));
    }
}
