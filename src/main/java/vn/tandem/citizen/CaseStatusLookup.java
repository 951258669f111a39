package vn.tandem.citizen;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.tandem.audit.AuditLog;
import vn.tandem.casefile.Case;
import vn.tandem.casefile.CaseFiles;
import vn.tandem.casefile.CaseStatus;
import vn.tandem.common.PersonNumbers;
import vn.tandem.common.RateCounters;
import vn.tandem.common.TooManyRequestsException;
import vn.tandem.sla.CaseClocks;

/**
 * A citizen's look-up of their case: the case code and the phone number given at intake must both match, and the
 * answer is the same for a wrong code and a wrong phone. It says the status, the current step in plain words and
 * its due date — no names, no content. Look-ups are limited per client address (a minute) and per case code (an
 * hour), counted in the database, and every one is audited.
 */
@Service
public class CaseStatusLookup {

    /** Look-ups a client address may make per minute, and a case code may receive per hour. */
    public static final int PER_ADDRESS_PER_MINUTE = 10;

    public static final int PER_CODE_PER_HOUR = 10;

    /** Where a case stands, in plain words; {@code due} is null for a concluded case. */
    public record Answer(String code, String status, String outcome, String step, LocalDate due) {}

    private final CaseFiles caseFiles;
    private final CaseClocks clocks;
    private final RateCounters counters;
    private final AuditLog audit;
    private final Clock clock;

    private final TransactionTemplate reads;

    CaseStatusLookup(
            CaseFiles caseFiles,
            CaseClocks clocks,
            RateCounters counters,
            AuditLog audit,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.reads = new TransactionTemplate(transactions);
        this.reads.setReadOnly(true);
        this.caseFiles = caseFiles;
        this.clocks = clocks;
        this.counters = counters;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The case's standing, or empty when the code and the phone do not belong together (whichever is wrong). The
     * counters and the audit entry are written even when the look-up is refused (each in its own transaction).
     */
    public Optional<Answer> lookUp(String code, String phone, String clientAddress) {
        String typedCode = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        Instant now = clock.instant();
        boolean limited = counters.hit("status:ip:" + clientAddress, now.truncatedTo(ChronoUnit.MINUTES))
                        > PER_ADDRESS_PER_MINUTE
                | counters.hit("status:code:" + typedCode, now.truncatedTo(ChronoUnit.HOURS)) > PER_CODE_PER_HOUR;
        record Match(Long caseId, String caseCode, Answer answer) {}
        Optional<String> typedPhone = PersonNumbers.phone(phone);
        Match match = reads.execute(tx -> {
            Optional<Case> found = typedCode.isEmpty() ? Optional.empty() : caseFiles.byCode(typedCode);
            boolean ok = found.isPresent()
                    && typedPhone.isPresent()
                    && found.get().getPetitioners().stream()
                            .map(p -> PersonNumbers.phone(p.getPhone()))
                            .anyMatch(p -> p.isPresent() && p.get().equals(typedPhone.get()));
            return ok ? new Match(found.get().getId(), found.get().getCode(), answer(found.get())) : null;
        });
        boolean matches = match != null;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("code", typedCode.length() > 40 ? typedCode.substring(0, 40) : typedCode);
        details.put("found", matches && !limited);
        details.put("limited", limited);
        audit.recordPublic(
                "citizen",
                "STATUS_LOOKUP",
                matches ? match.caseId() : null,
                matches ? match.caseCode() : null,
                details);
        if (limited) {
            throw new TooManyRequestsException("citizen.tooMany");
        }
        return matches ? Optional.of(match.answer()) : Optional.empty();
    }

    private Answer answer(Case c) {
        if (c.getStatus() == CaseStatus.CLOSED) {
            return new Answer(
                    c.getCode(),
                    c.getStatus().name(),
                    c.getOutcome() == null ? null : c.getOutcome().name(),
                    null,
                    null);
        }
        Optional<CaseClocks.StepClock> current = CaseClocks.current(clocks.of(c));
        return new Answer(
                c.getCode(),
                c.getStatus().name(),
                c.getOutcome() == null ? null : c.getOutcome().name(),
                current.map(s -> s.step().name()).orElse(null),
                current.map(s -> s.deadline().due()).orElse(null));
    }
}
