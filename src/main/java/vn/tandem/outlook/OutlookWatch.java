package vn.tandem.outlook;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;
import vn.tandem.audit.AuditLog;
import vn.tandem.common.Text;
import vn.tandem.identity.Directory;
import vn.tandem.identity.Role;
import vn.tandem.notification.Notification;
import vn.tandem.notification.Notifier;
import vn.tandem.situation.SituationReported;

/**
 * Tells a unit's supervisors (its agency's, covering its area) when the unit's outlook crosses into HIGH or
 * CRITICAL: within five minutes of a situation report ({@code tandem.outlook.recheck-cron}; the check runs off the
 * request, so filing a report never waits for the outlook) and once a day (01:15 in Hà Nội;
 * {@code tandem.outlook.watch-cron}; "-" switches either off). Each unit's last level is kept with a version, so two nodes or a repeated run tell once.
 */
@Component
class OutlookWatch {

    private static final Logger log = LoggerFactory.getLogger(OutlookWatch.class);

    private final Outlook outlook;
    private final UnitLevels levels;
    private final Directory directory;
    private final Notifier notifier;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate transaction;
    /** Whether a report was filed on this node since the last check (the check runs off the request). */
    private final java.util.concurrent.atomic.AtomicBoolean reported = new java.util.concurrent.atomic.AtomicBoolean();

    OutlookWatch(
            Outlook outlook,
            UnitLevels levels,
            Directory directory,
            Notifier notifier,
            AuditLog audit,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.outlook = outlook;
        this.levels = levels;
        this.directory = directory;
        this.notifier = notifier;
        this.audit = audit;
        this.clock = clock;
    }

    @Scheduled(cron = "${tandem.outlook.watch-cron:0 15 1 * * *}", zone = "Asia/Ho_Chi_Minh")
    void daily() {
        run();
    }

    /** A report was filed: the next short check (every five minutes) recomputes the levels. */
    @TransactionalEventListener
    void on(SituationReported event) {
        reported.set(true);
    }

    @Scheduled(cron = "${tandem.outlook.recheck-cron:0 */5 * * * *}", zone = "Asia/Ho_Chi_Minh")
    void afterReports() {
        if (reported.getAndSet(false)) {
            run();
        }
    }

    private void run() {
        try {
            watch();
        } catch (OptimisticLockingFailureException | DataIntegrityViolationException another) {
            log.debug("Another node recorded the outlook levels first");
        } catch (RuntimeException e) {
            // a report was filed all the same: the next run tells what this one could not
            log.warn("Outlook watch failed: {}", e.toString());
        }
    }

    /**
     * Compares every unit's level today with its last one, in its own transaction; returns how many units crossed
     * into HIGH or above.
     */
    public int watch() {
        Integer raised = transaction.execute(status -> compare());
        return raised == null ? 0 : raised;
    }

    private int compare() {
        int raised = 0;
        for (Outlook.UnitOutlook o : outlook.rank(outlook.units(), LocalDate.now(clock))) {
            UnitLevel row = levels.findById(o.unit().getId())
                    .orElseGet(() -> new UnitLevel(o.unit().getId()));
            OutlookLevel before = row.getLevel();
            if (before == o.level()) {
                continue;
            }
            row.set(o.level(), o.score(), clock.instant());
            levels.save(row);
            if (!o.level().alarmingAfter(before)) {
                continue;
            }
            raised++;
            List<String> supervisors = directory.usernamesCovering(
                    o.unit().getAgencyCode(),
                    Role.SUPERVISOR,
                    o.unit().getArea().getPath());
            notifier.notify(
                    supervisors,
                    Notification.Kind.OUTLOOK,
                    null,
                    null,
                    Text.of(
                            "notice.outlook",
                            o.unit().getName(),
                            Text.of("outlook.level." + o.level().name())),
                    "/outlook#unit-" + o.unit().getId());
            audit.record(
                    "OUTLOOK_RAISED",
                    null,
                    null,
                    "unit",
                    o.unit().getId().toString(),
                    Map.of(
                            "unit",
                            o.unit().getCode(),
                            "from",
                            before.name(),
                            "to",
                            o.level().name(),
                            "score",
                            o.score()));
        }
        return raised;
    }
}
