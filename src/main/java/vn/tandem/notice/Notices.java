package vn.tandem.notice;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tandem.audit.AuditLog;
import vn.tandem.casefile.Case;
import vn.tandem.casefile.CaseFiles;
import vn.tandem.casefile.CaseType;
import vn.tandem.casefile.CaseVisibility;
import vn.tandem.casefile.Petitioner;
import vn.tandem.casefile.Timeline;
import vn.tandem.common.CleanText;
import vn.tandem.common.FieldProblem;
import vn.tandem.common.ForbiddenException;
import vn.tandem.common.InvalidInputException;
import vn.tandem.common.NotFoundException;
import vn.tandem.common.Text;
import vn.tandem.identity.CurrentUser;
import vn.tandem.identity.Directory;
import vn.tandem.identity.Role;
import vn.tandem.identity.Unit;

/**
 * Issuing a statutory notice of a case: the template (an admin's for the case type, else the default one, else the
 * built-in layout) filled with the case's facts and the legal ground, numbered per issuing unit, year and type —
 * the counter row is locked by its update until the notice is stored, so concurrent notices get consecutive numbers
 * and a failed one leaves no gap — stored on the case as Word (its PDF rendered on the first download, then kept),
 * with a timeline entry, audited.
 */
@Service
public class Notices {

    /** A notice as listed (without its files). */
    public record Issued(long id, String type, String number, String legalGround, String issuedBy, Instant issuedAt) {}

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final CaseFiles caseFiles;
    private final NoticeDocuments documents;
    private final Directory directory;
    private final JdbcTemplate jdbc;
    private final Timeline timeline;
    private final AuditLog audit;
    private final Clock clock;
    private final NoticeCounters counters;

    Notices(
            CaseFiles caseFiles,
            NoticeDocuments documents,
            Directory directory,
            JdbcTemplate jdbc,
            Timeline timeline,
            AuditLog audit,
            Clock clock,
            NoticeCounters counters) {
        this.counters = counters;
        this.caseFiles = caseFiles;
        this.documents = documents;
        this.directory = directory;
        this.jdbc = jdbc;
        this.timeline = timeline;
        this.audit = audit;
        this.clock = clock;
    }

    /** Issues a notice of the case (the lead agency's officers and supervisors; 403 for others who see it). */
    @Transactional
    public Issued issue(String code, NoticeType type, String legalGround, String recipient, CurrentUser user) {
        Case c = caseFiles.contributable(code, user);
        if (!user.isAdmin() && !user.agency().equals(c.getLeadAgency())) {
            throw new ForbiddenException("notice.forbidden");
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (type == null) {
            problems.add(new FieldProblem("type", "validation.required"));
        }
        CleanText.check(problems, "legalGround", legalGround, true, 1000);
        CleanText.check(problems, "recipient", recipient, type != null && type.needsRecipient(), 300);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return store(c, type, legalGround.strip(), recipient, user.username(), user.fullName(), null);
    }

    /**
     * Issues a notice the law requires without anyone asking (see {@link NoticeDuties}), in the name of whoever
     * made the change that requires it (the case's unit signs when no one did). {@code key} names the duty: a
     * second notice under the same key fails on the unique index, so a duty is met once even when two nodes try.
     */
    @Transactional
    Issued issueOwed(Case c, NoticeType type, String legalGround, String recipient, String actor, String key) {
        String signer = actor == null
                ? directory.unit(c.getUnitId()).map(Unit::getName).orElse("")
                : directory.displayName(actor);
        return store(c, type, legalGround, recipient, actor == null ? "system" : actor, signer, key);
    }

    private Issued store(
            Case c, NoticeType type, String legalGround, String recipient, String actor, String signer, String key) {
        Unit unit = directory.unit(c.getUnitId()).orElseThrow();
        LocalDate today = LocalDate.now(clock);
        counters.ensure(unit.getId(), today.getYear(), type.name());
        int number = next(unit.getId(), today.getYear(), type);
        String numberText = number + "/" + type.sign() + "-" + unit.getCode();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("number", numberText);
        values.put("unit", unit.getName());
        values.put("place", unit.getArea().getName());
        values.put("day", "%02d".formatted(today.getDayOfMonth()));
        values.put("month", "%02d".formatted(today.getMonthValue()));
        values.put("year", String.valueOf(today.getYear()));
        values.put(
                "petitioner",
                c.getPetitioners().stream()
                        .map(Petitioner::getFullName)
                        .findFirst()
                        .orElse(""));
        values.put("code", c.getCode());
        values.put("title", c.getTitle());
        values.put("received", DAY.format(c.getReceivedAt().atZone(clock.getZone())));
        values.put("legal.ground", legalGround);
        values.put("recipient", recipient == null ? "" : recipient.strip());
        values.put("signer", signer);
        byte[] docx = documents.fill(template(type, c.getType()), values);
        Instant now = clock.instant();
        jdbc.update(
                "insert into case_notice (case_id, notice_type, unit_id, notice_year, notice_number, number_text,"
                        + " legal_ground, issued_by, issued_at, docx, pdf, auto_key)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                c.getId(),
                type.name(),
                unit.getId(),
                today.getYear(),
                number,
                numberText,
                legalGround,
                actor,
                Timestamp.from(now),
                docx,
                null, // rendered from the Word file on the first download (file)
                key);
        Long id = jdbc.queryForObject(
                "select id from case_notice where unit_id = ? and notice_year = ? and notice_type = ? and notice_number = ?",
                Long.class,
                unit.getId(),
                today.getYear(),
                type.name(),
                number);
        timeline.add(
                c.getId(),
                key == null ? actor : null,
                "NOTICE",
                Text.of("timeline.notice." + type, numberText),
                List.of(),
                "notice",
                String.valueOf(id));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("type", type.name());
        details.put("number", numberText);
        details.put("legalGround", legalGround);
        details.put("automatic", key != null);
        audit.record("NOTICE_ISSUED", c.getId(), c.getCode(), "notice", String.valueOf(id), details);
        return new Issued(id, type.name(), numberText, legalGround, actor, now);
    }

    /** The next number of a unit's notices of a type in a year; the row stays locked until the caller commits. */
    private int next(long unitId, int year, NoticeType type) {
        jdbc.update(
                "update notice_counter set last_number = last_number + 1"
                        + " where unit_id = ? and notice_year = ? and notice_type = ?",
                unitId,
                year,
                type.name());
        Integer n = jdbc.queryForObject(
                "select last_number from notice_counter where unit_id = ? and notice_year = ? and notice_type = ?",
                Integer.class,
                unitId,
                year,
                type.name());
        return n == null ? 1 : n;
    }

    /** The template for a notice type and case type: the admin's for that case type, the default, the built-in. */
    byte[] template(NoticeType type, CaseType caseType) {
        for (String key : List.of(caseType.name(), "*")) {
            List<byte[]> found = jdbc.query(
                    "select content from notice_template where notice_type = ? and case_type = ?",
                    (rs, n) -> rs.getBytes(1),
                    type.name(),
                    key);
            if (!found.isEmpty()) {
                return found.get(0);
            }
        }
        return documents.builtIn(type);
    }

    /** An admin replaces the template of a notice type for a case type ({@code null}: every case type). */
    @Transactional
    public void replaceTemplate(NoticeType type, CaseType caseType, byte[] docx, CurrentUser user) {
        if (!user.isAdmin()) {
            throw new ForbiddenException("notice.template.forbidden");
        }
        if (docx == null || docx.length == 0 || docx.length > 10_000_000 || !NoticeDocuments.opens(docx)) {
            throw new InvalidInputException("template", "notice.template.invalid");
        }
        String key = caseType == null ? "*" : caseType.name();
        Timestamp now = Timestamp.from(clock.instant());
        if (jdbc.update(
                        "update notice_template set content = ?, updated_by = ?, updated_at = ? where notice_type = ? and case_type = ?",
                        docx,
                        user.username(),
                        now,
                        type.name(),
                        key)
                == 0) {
            jdbc.update(
                    "insert into notice_template (notice_type, case_type, content, updated_by, updated_at) values (?, ?, ?, ?, ?)",
                    type.name(),
                    key,
                    docx,
                    user.username(),
                    now);
        }
        audit.record(
                "NOTICE_TEMPLATE_REPLACED",
                null,
                null,
                "notice-template",
                type + "/" + key,
                Map.of("bytes", docx.length));
    }

    /** The notices of a case the user may see. */
    @Transactional(readOnly = true)
    public List<Issued> of(String code, CurrentUser user) {
        Case c = caseFiles.visible(code, user);
        return jdbc.query(
                "select id, notice_type, number_text, legal_ground, issued_by, issued_at from case_notice where case_id = ? order by id",
                (rs, n) -> new Issued(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getTimestamp(6).toInstant()),
                c.getId());
    }

    /**
     * A notice's file ({@code docx} or {@code pdf}); a notice naming a confidential petitioner opens only for those
     * who may reveal the identity (the assigned officer, the lead agency's supervisors) and for whoever issued it.
     */
    @Transactional
    public byte[] file(String code, long id, String format, CurrentUser user) {
        Case c = caseFiles.visible(code, user);
        boolean pdf = "pdf".equals(format);
        record Found(String issuedBy, byte[] content, byte[] docx) {}
        List<Found> found = jdbc.query(
                "select issued_by, " + (pdf ? "pdf" : "docx") + ", " + (pdf ? "docx" : "null")
                        + " from case_notice where id = ? and case_id = ?",
                (rs, n) -> new Found(rs.getString(1), rs.getBytes(2), rs.getBytes(3)),
                id,
                c.getId());
        if (found.isEmpty()) {
            throw new NotFoundException("notice.notFound");
        }
        if (c.getPetitioners().stream().anyMatch(Petitioner::isConfidential)
                && !CaseVisibility.leads(user, c)
                && !user.username().equals(found.get(0).issuedBy())) {
            throw new ForbiddenException("notice.confidential");
        }
        if (pdf && found.get(0).content() == null) {
            // the PDF is a rendition of the Word file, made once on the first download and kept (two first downloads
            // at once render the same bytes)
            byte[] rendered = documents.pdf(found.get(0).docx());
            jdbc.update("update case_notice set pdf = ? where id = ? and pdf is null", rendered, id);
            return rendered;
        }
        return found.get(0).content();
    }

    static boolean issues(CurrentUser user) {
        return user.isAdmin() || user.has(Role.OFFICER) || user.has(Role.SUPERVISOR);
    }
}
