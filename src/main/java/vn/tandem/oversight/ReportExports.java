package vn.tandem.oversight;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tandem.casefile.CaseReports;
import vn.tandem.common.ConflictException;
import vn.tandem.common.NotFoundException;
import vn.tandem.identity.CurrentUser;
import vn.tandem.identity.Directory;

/**
 * The report as a file: at once for a small report, in the background for a large one (more cases than
 * {@code tandem.report.background-above}), its progress and file kept in the database so that any node answers.
 * Only the user who asked sees a job; jobs are deleted after a day.
 */
@Service
public class ReportExports {

    private static final Logger LOG = LoggerFactory.getLogger(ReportExports.class);

    /** A job is kept this long; a job still running after {@link #STALE} died with its node. */
    static final Duration KEPT = Duration.ofDays(1);

    static final Duration STALE = Duration.ofHours(1);

    /** A file ready to send. */
    public record File(String name, String mediaType, byte[] content) {}

    private final SummaryReport report;
    private final ReportFiles files;
    private final CaseReports cases;
    private final ReportExportStore store;
    private final Directory directory;
    private final Clock clock;
    private final ThreadPoolTaskExecutor executor;
    private long backgroundAbove;

    ReportExports(
            SummaryReport report,
            ReportFiles files,
            CaseReports cases,
            ReportExportStore store,
            Directory directory,
            Clock clock,
            @Value("${tandem.report.background-above:3000}") long backgroundAbove) {
        this.report = report;
        this.files = files;
        this.cases = cases;
        this.store = store;
        this.directory = directory;
        this.clock = clock;
        this.backgroundAbove = backgroundAbove;
        this.executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix("report-");
        executor.setCorePoolSize(2);
        executor.setMaxPoolSize(2);
        executor.setQueueCapacity(50);
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(30);
        executor.initialize();
    }

    @PreDestroy
    void stop() {
        executor.shutdown();
    }

    /** Tests make every report large (0) or none (Long.MAX_VALUE). */
    void backgroundAbove(long cases) {
        this.backgroundAbove = cases;
    }

    /** Whether the report reads more cases than a request should wait for. */
    public boolean large(SummaryReport.Query query, CurrentUser user) {
        SummaryReport.Period period = report.resolve(query, user);
        return cases.count(report.scope(period, user), user) > backgroundAbove;
    }

    /** The file made now, in the request. */
    public File now(SummaryReport.Query query, ReportFormat format, CurrentUser user) {
        Locale locale = LocaleContextHolder.getLocale();
        SummaryReport.Report r = report.report(query, user);
        return new File(ReportFiles.fileName(r.period(), format), format.mediaType(), files.render(r, format, locale));
    }

    /** Starts a background job (the query is checked first: 400 or 403 before anything is queued). */
    public ReportJob start(SummaryReport.Query query, ReportFormat format, CurrentUser user) {
        SummaryReport.Query checked = report.defaults(query);
        report.resolve(checked, user);
        Instant now = clock.instant();
        store.deleteCreatedBefore(now.minus(KEPT));
        Locale locale = LocaleContextHolder.getLocale();
        ReportExport job = store.save(new ReportExport(
                UUID.randomUUID().toString(),
                user.username(),
                format.extension(),
                checked,
                locale.toLanguageTag(),
                now));
        try {
            executor.execute(() -> run(job.getId(), checked, format, user.username(), locale));
        } catch (RejectedExecutionException e) {
            fail(job.getId(), "busy");
        }
        return status(job.getId(), user);
    }

    /** A job of the user's (404 for anyone else's); one still running after an hour died with its node. */
    public ReportJob status(String id, CurrentUser user) {
        ReportJob job = store.job(id, user.username()).orElseThrow(() -> new NotFoundException("report.job.notFound"));
        if (job.status() == ReportExport.Status.RUNNING
                && store.createdAt(id)
                        .map(at -> at.isBefore(clock.instant().minus(STALE)))
                        .orElse(false)) {
            return new ReportJob(job.id(), ReportExport.Status.FAILED, job.progress(), job.format(), job.fileName());
        }
        return job;
    }

    /** The finished file (409 while it is being made or when it failed). */
    @Transactional(readOnly = true)
    public File file(String id, CurrentUser user) {
        ReportJob job = status(id, user);
        if (job.status() != ReportExport.Status.DONE) {
            throw new ConflictException("report.job.notReady");
        }
        ReportExport export = store.findById(id).orElseThrow(() -> new NotFoundException("report.job.notFound"));
        ReportFormat format = ReportFormat.parse(export.getFormat()).orElseThrow();
        return new File(export.getFileName(), format.mediaType(), export.getContent());
    }

    private void run(String id, SummaryReport.Query query, ReportFormat format, String username, Locale locale) {
        LocaleContextHolder.setLocale(locale);
        try {
            CurrentUser user = directory.find(username).orElseThrow();
            SummaryReport.Report r = report.report(query, user, p -> store.progress(id, p));
            byte[] content = files.render(r, format, locale);
            ReportExport export = store.findById(id).orElseThrow();
            export.done(ReportFiles.fileName(r.period(), format), content, clock.instant());
            store.save(export);
        } catch (RuntimeException e) {
            LOG.warn("report export {} failed", id, e);
            fail(id, e.getClass().getSimpleName());
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
    }

    private void fail(String id, String reason) {
        store.findById(id).ifPresent(export -> {
            export.failed(reason, clock.instant());
            store.save(export);
        });
    }
}
