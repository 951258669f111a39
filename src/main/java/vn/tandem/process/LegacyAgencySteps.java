package vn.tandem.process;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The steps of the process versions deployed before agencies became data (case-handling and sla-escalation with
 * one task per founding agency). Camunda cannot migrate an active task into a multi-instance body, so instances of
 * those versions finish on them; this adapter is the only place that knows their names. Delete it when no instance
 * of those versions remains ({@code select count(*) from ACT_RU_TASK where TASK_DEF_KEY_ like 'Task_Verify_%'} and
 * the same for the hot-spot and meeting keys answer 0); {@code LegacyAgencyStepsTest} runs the old version.
 */
public final class LegacyAgencySteps {

    /** Verification task key → the agency that verified and the prefix of its form fields. */
    private static final Map<String, String[]> VERIFICATIONS = Map.of(
            "Task_VerifyDanvan", new String[] {"DANVAN", "danvan"},
            "Task_VerifyCongan", new String[] {"CONGAN", "congan"});

    private static final Set<String> HOTSPOT_TASKS = Set.of("Task_HotSpotDanvan", "Task_HotSpotCongan");

    /** The proposal form's read-only fields that showed each agency's findings. */
    public static final Set<String> PROPOSAL_FIELDS = Set.of("danvanFindings", "conganFindings");

    /** What an old verification task recorded, in the names of the current form. */
    public record Verification(String agency, String findings, String riskLevel, String recommendation) {}

    private LegacyAgencySteps() {}

    public static boolean isVerification(String taskKey) {
        return VERIFICATIONS.containsKey(taskKey);
    }

    public static boolean isHotspotTask(String taskKey) {
        return HOTSPOT_TASKS.contains(taskKey);
    }

    /** The findings of a completed verification task of an old version, or empty for any other task. */
    public static Optional<Verification> verification(TaskClosed event) {
        String[] agency = VERIFICATIONS.get(event.task().key());
        if (agency == null) {
            return Optional.empty();
        }
        String prefix = agency[1];
        return Optional.of(new Verification(
                agency[0],
                event.text(prefix + "Findings"),
                event.text(prefix + "RiskLevel"),
                event.text(prefix + "Recommendation")));
    }
}
