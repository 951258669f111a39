package vn.tandem.process;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The one source of "now": a {@link Clock} that reads the engine's {@link ClockUtil}, so business dates, due
 * dates, audit entries and timers always agree. Business time zone: Asia/Ho_Chi_Minh.
 */
public class TandemClock extends Clock {

    private final ZoneId zone;

    public TandemClock(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new TandemClock(other);
    }

    @Override
    public Instant instant() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    /** Moves the clock (tests, demo data); the engine's timers follow. */
    public void setTime(Instant instant) {
        ClockUtil.setCurrentTime(Date.from(instant));
    }

    public void advance(Duration duration) {
        setTime(instant().plus(duration));
    }

    public void reset() {
        ClockUtil.reset();
    }
}
