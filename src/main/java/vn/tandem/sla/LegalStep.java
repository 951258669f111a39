package vn.tandem.sla;

import java.util.Optional;

/**
 * The steps and windows the law (or the province) sets a time for. Rules name one of these; BPMN user tasks name the
 * step they belong to in their {@code legalStep} property (checked at deployment).
 */
public enum LegalStep {

    /** Acceptance (thụ lý): from receipt. Without an acceptance rule for a case type, its {@link #INFORM} rule. */
    ACCEPT(Kind.STEP),
    /** Forwarding a matter the unit is not competent for: from receipt, while it is not accepted. */
    FORWARD(Kind.STEP),
    /** Telling a citizen received at reception how the matter is handled: from receipt. */
    INFORM(Kind.STEP),
    /** Verification by the agencies taking part: from acceptance. Without a rule, the resolution's time. */
    VERIFY(Kind.STEP),
    /** Resolution: from acceptance (or from the reopening after a flare-up). */
    RESOLVE(Kind.STEP),
    /** Answering an information request between agencies. */
    INFORMATION_REQUEST(Kind.STEP),
    /** Filing a commune unit's scheduled situation report: from the day its next period starts. */
    SITUATION_REPORT(Kind.STEP),
    /** The complainant's time to file, from the day they learned of the decision. */
    FILING_WINDOW(Kind.WINDOW),
    /** The complainant's time to take the first-instance decision to the second instance. */
    SECOND_INSTANCE_WINDOW(Kind.WINDOW),
    /** Notifying the denouncer that the denunciation was accepted. */
    ACCEPTANCE_NOTICE(Kind.NOTICE),
    /** Sending the resolution decision. */
    DECISION_NOTICE(Kind.NOTICE),
    /** Notifying the citizen that the matter was transferred to the competent body. */
    TRANSFER_NOTICE(Kind.NOTICE);

    /**
     * A step the office works (tasks, escalations, dashboard); a window the citizen has; a notice the office owes.
     * Windows and notices are shown on the case with their basis and dates; they do not escalate.
     */
    public enum Kind {
        STEP,
        WINDOW,
        NOTICE
    }

    private final Kind kind;

    LegalStep(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** The step whose rule applies when this one has none for a case type (or null). */
    public LegalStep fallback() {
        return switch (this) {
            case ACCEPT -> INFORM;
            case VERIFY -> RESOLVE;
            default -> null;
        };
    }

    public static Optional<LegalStep> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        for (LegalStep step : values()) {
            if (step.name().equals(name.strip())) {
                return Optional.of(step);
            }
        }
        return Optional.empty();
    }
}
