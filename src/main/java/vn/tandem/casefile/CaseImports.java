package vn.tandem.casefile;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tandem.common.InvalidInputException;
import vn.tandem.common.Text;
import vn.tandem.identity.Directory;
import vn.tandem.identity.Unit;

/**
 * Cases settled before Tandem came into use, recorded with their own dates (received, accepted, decided, closed)
 * so that period reports cover the years before: no process runs for them, no deadline escalates, and their
 * timeline says they were imported. The demo's two years of history use it; so would a migration from paper
 * registers.
 */
@Service
@Transactional
public class CaseImports {

    /** A settled case as the register holds it (a temporarily stabilized one stays under monitoring). */
    public record Settled(
            CaseType type,
            Channel channel,
            String title,
            String description,
            long unitId,
            int crowdSize,
            boolean levelSkipping,
            Complexity complexity,
            Instant receivedAt,
            Instant acceptedAt,
            Instant decidedAt,
            Instant closedAt,
            Outcome outcome,
            String note) {}

    private final Cases cases;
    private final CaseCodes codes;
    private final Directory directory;
    private final Timeline timeline;
    private final ZoneId zone;

    CaseImports(Cases cases, CaseCodes codes, Directory directory, Timeline timeline, java.time.Clock clock) {
        this.cases = cases;
        this.codes = codes;
        this.directory = directory;
        this.timeline = timeline;
        this.zone = clock.getZone();
    }

    public Case importSettled(Settled s, String by) {
        Unit unit =
                directory.unit(s.unitId()).orElseThrow(() -> new InvalidInputException("unitId", "validation.unit"));
        if (s.outcome() == null || s.receivedAt() == null) {
            throw new InvalidInputException("outcome", "validation.required");
        }
        Case c = new Case(
                codes.next(s.receivedAt().atZone(zone).getYear()),
                s.type(),
                s.channel(),
                s.title(),
                s.description(),
                null,
                unit.getArea().getId(),
                unit.getArea().getPath(),
                unit.getId(),
                unit.getAgencyCode(),
                s.crowdSize(),
                s.levelSkipping(),
                s.receivedAt(),
                by);
        c.variant(unit.getArea().isRemote(), 1, false, null);
        if (s.acceptedAt() != null) {
            c.accept(by, s.complexity(), false, s.acceptedAt());
            c.moveTo(CaseStatus.IN_PROGRESS, null, null, false, s.acceptedAt());
        }
        if (s.outcome() == Outcome.TEMPORARILY_STABILIZED) {
            c.moveTo(CaseStatus.MONITORING, s.outcome(), s.note(), false, s.decidedAt());
        } else {
            Instant decided = s.decidedAt() != null ? s.decidedAt() : s.closedAt();
            c.moveTo(CaseStatus.CLOSED, s.outcome(), s.note(), false, decided);
            c.moveTo(CaseStatus.CLOSED, null, null, false, s.closedAt() != null ? s.closedAt() : decided);
        }
        Case saved = cases.save(c);
        timeline.add(saved.getId(), by, "IMPORTED", Text.of("timeline.imported"), List.of(), "case", saved.getCode());
        return saved;
    }
}
