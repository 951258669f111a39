package vn.tandem.audit;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * What an administrator searches the audit trail for. {@code actor}, {@code caseCode} and {@code text} match any part,
 * without regard to diacritics or case ({@code text} looks at the action, the entity and the details too);
 * {@code action} is one of the actions recorded; the period is inclusive and must not be reversed.
 */
public record AuditQuery(
        String actor,
        String caseCode,
        String action,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
        String text) {

    public AuditQuery(String actor, String caseCode, String action, LocalDate from, LocalDate to) {
        this(actor, caseCode, action, from, to, null);
    }
}
