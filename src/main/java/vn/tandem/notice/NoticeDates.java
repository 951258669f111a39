package vn.tandem.notice;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import vn.tandem.sla.IssuedNotices;
import vn.tandem.sla.LegalStep;

/** The days notices were issued, for the clocks of the notices the offices owe (one query per thousand cases). */
@Component
class NoticeDates implements IssuedNotices {

    private static final int CHUNK = 1000;

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    NoticeDates(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The clock a notice type answers, if any (a refusal and a transfer slip have none of their own). */
    static LegalStep stepOf(NoticeType type) {
        return switch (type) {
            case ACCEPTANCE -> LegalStep.ACCEPTANCE_NOTICE;
            case DECISION -> LegalStep.DECISION_NOTICE;
            case TRANSFER -> LegalStep.TRANSFER_NOTICE;
            case REFUSAL, TRANSFER_SLIP -> null;
        };
    }

    static NoticeType typeOf(LegalStep step) {
        return switch (step) {
            case ACCEPTANCE_NOTICE -> NoticeType.ACCEPTANCE;
            case DECISION_NOTICE -> NoticeType.DECISION;
            case TRANSFER_NOTICE -> NoticeType.TRANSFER;
            default -> null;
        };
    }

    @Override
    public Map<Long, Map<LegalStep, List<LocalDate>>> issuedOn(Collection<Long> caseIds) {
        Map<Long, Map<LegalStep, List<LocalDate>>> result = new HashMap<>();
        List<Long> ids = List.copyOf(caseIds);
        for (int from = 0; from < ids.size(); from += CHUNK) {
            jdbc.query(
                    "select case_id, notice_type, issued_at from case_notice where case_id in (:ids)"
                            + " and notice_type in ('ACCEPTANCE', 'DECISION', 'TRANSFER') order by issued_at, id",
                    Map.of("ids", ids.subList(from, Math.min(ids.size(), from + CHUNK))),
                    rs -> {
                        LegalStep step = stepOf(NoticeType.valueOf(rs.getString(2)));
                        LocalDate day = rs.getTimestamp(3)
                                .toInstant()
                                .atZone(clock.getZone())
                                .toLocalDate();
                        result.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
                                .computeIfAbsent(step, k -> new ArrayList<>())
                                .add(day);
                    });
        }
        return result;
    }
}
