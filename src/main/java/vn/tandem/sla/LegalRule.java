package vn.tandem.sla;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One version of a legal deadline rule: for a case type, step, instance and variant, the statutory duration in
 * calendar or working days, the article it cites, its validity period, the extension caps and the province's
 * target. A new version closes the previous one; cases keep the version in force when they were accepted.
 */
@Entity
@Table(name = "legal_rule")
public class LegalRule {

    /** How a duration is counted. */
    public enum Unit {
        CALENDAR_DAYS,
        WORKING_DAYS
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String code;
    private int version;
    private String caseType;

    @Enumerated(EnumType.STRING)
    private LegalStep step;

    @Column(name = "instance_no")
    private Integer instance;

    @Enumerated(EnumType.STRING)
    private Variant variant;

    private Integer durationDays;

    @Enumerated(EnumType.STRING)
    private Unit unit;

    private String legalBasis;
    private LocalDate effectiveFrom;
    private LocalDate effectiveTo;
    private int maxExtensions;
    private int maxExtensionDays;
    private Integer targetDays;
    private Integer targetPercent;
    private String changedBy;
    private Instant changedAt;
    private String reason;
    private String retiredReason;

    protected LegalRule() {}

    /** The first version of a new rule. */
    static LegalRule first(
            String code,
            String caseType,
            LegalStep step,
            Integer instance,
            Variant variant,
            Figures figures,
            LocalDate from,
            String reason,
            String by,
            Instant at) {
        LegalRule rule = new LegalRule();
        rule.code = code;
        rule.version = 1;
        rule.caseType = caseType;
        rule.step = step;
        rule.instance = instance;
        rule.variant = variant;
        rule.apply(figures);
        rule.effectiveFrom = from;
        rule.reason = reason;
        rule.changedBy = by;
        rule.changedAt = at;
        return rule;
    }

    /** What an administrator may change in a new version. */
    public record Figures(
            Integer durationDays,
            Unit unit,
            Integer targetDays,
            Integer targetPercent,
            int maxExtensions,
            int maxExtensionDays,
            String legalBasis) {}

    private void apply(Figures f) {
        durationDays = f.durationDays();
        unit = f.unit();
        targetDays = f.targetDays();
        targetPercent = f.targetPercent();
        maxExtensions = Math.max(0, f.maxExtensions());
        maxExtensionDays = Math.max(0, f.maxExtensionDays());
        legalBasis = f.legalBasis().strip();
    }

    /** The next version of this rule, effective from {@code from}, with new figures. */
    LegalRule nextVersion(Figures figures, LocalDate from, String why, String by, Instant at) {
        LegalRule next = new LegalRule();
        next.code = code;
        next.version = version + 1;
        next.caseType = caseType;
        next.step = step;
        next.instance = instance;
        next.variant = variant;
        next.apply(figures);
        next.effectiveFrom = from;
        next.reason = why;
        next.changedBy = by;
        next.changedAt = at;
        return next;
    }

    void endOn(LocalDate day) {
        this.effectiveTo = day;
    }

    public boolean inForceOn(LocalDate day) {
        return !effectiveFrom.isAfter(day) && (effectiveTo == null || effectiveTo.isAfter(day));
    }

    /** The provincial target in this rule's unit: explicit days, or the statutory limit cut by a percentage. */
    public Integer targetDuration() {
        if (targetDays != null) {
            return targetDays;
        }
        if (targetPercent != null && durationDays != null) {
            return Math.max(1, durationDays * (100 - targetPercent) / 100);
        }
        return durationDays;
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public int getVersion() {
        return version;
    }

    public String getCaseType() {
        return caseType;
    }

    public LegalStep getStep() {
        return step;
    }

    public Integer getInstance() {
        return instance;
    }

    public Variant getVariant() {
        return variant;
    }

    public Integer getDurationDays() {
        return durationDays;
    }

    public Unit getUnit() {
        return unit;
    }

    public String getLegalBasis() {
        return legalBasis;
    }

    public LocalDate getEffectiveFrom() {
        return effectiveFrom;
    }

    public LocalDate getEffectiveTo() {
        return effectiveTo;
    }

    public int getMaxExtensions() {
        return maxExtensions;
    }

    public int getMaxExtensionDays() {
        return maxExtensionDays;
    }

    public Integer getTargetDays() {
        return targetDays;
    }

    public Integer getTargetPercent() {
        return targetPercent;
    }

    public String getChangedBy() {
        return changedBy;
    }

    public Instant getChangedAt() {
        return changedAt;
    }

    /** Why this version was made (or the rule retired). */
    public String getReason() {
        return reason;
    }

    void retired(String why) {
        this.retiredReason = why;
    }

    /** Why the rule was retired (its effectiveTo), or null. */
    public String getRetiredReason() {
        return retiredReason;
    }
}
