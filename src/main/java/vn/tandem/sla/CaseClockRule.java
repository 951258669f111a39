package vn.tandem.sla;

import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** The rule version one of a case's clocks started under (pinned when the clock starts; see {@link CaseClocks}). */
@Entity
@Table(name = "case_clock_rule")
@EntityListeners(ClockChanges.class)
class CaseClockRule {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long caseId;

    @Enumerated(EnumType.STRING)
    private LegalStep legalStep;

    private Long ruleId;
    private LocalDate startedOn;
    private Instant pinnedAt;

    protected CaseClockRule() {}

    CaseClockRule(Long caseId, LegalStep legalStep, Long ruleId, LocalDate startedOn, Instant pinnedAt) {
        this.caseId = caseId;
        this.legalStep = legalStep;
        this.ruleId = ruleId;
        this.startedOn = startedOn;
        this.pinnedAt = pinnedAt;
    }

    Long getCaseId() {
        return caseId;
    }

    LegalStep getLegalStep() {
        return legalStep;
    }

    Long getRuleId() {
        return ruleId;
    }

    LocalDate getStartedOn() {
        return startedOn;
    }

    void repin(Long newRuleId, LocalDate newStart, Instant at) {
        this.ruleId = newRuleId;
        this.startedOn = newStart;
        this.pinnedAt = at;
    }
}
