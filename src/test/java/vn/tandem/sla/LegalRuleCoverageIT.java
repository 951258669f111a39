package vn.tandem.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.tandem.audit.AuditEntries;
import vn.tandem.casefile.Case;
import vn.tandem.casefile.CaseFiles;
import vn.tandem.casefile.CaseType;
import vn.tandem.casefile.Channel;
import vn.tandem.casefile.NewCase;
import vn.tandem.exchange.Exchange;
import vn.tandem.exchange.InformationRequestForm;
import vn.tandem.identity.CurrentUser;
import vn.tandem.identity.Directory;
import vn.tandem.process.TandemClock;
import vn.tandem.situation.Rounds;
import vn.tandem.support.TandemIntegrationTest;

/**
 * Every rule in the seeded data is applied to the case type, step, instance and variant it is for. The table is the
 * rules data itself: for each rule a case is built from the rule's own fields (its type, or each type for a rule of
 * any type; the facts its variant names; the stage at which its step runs), and the case's clocks must follow that
 * rule — so a rule no case can ever reach fails here. Information requests are proven through {@link Exchange}.
 */
@TandemIntegrationTest
class LegalRuleCoverageIT {

    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    /** A day no other test uses, so these cases stay out of other tests' counts. */
    static final LocalDate DAY = LocalDate.of(2032, 3, 4);

    @Autowired
    Rounds rounds;

    @Autowired
    LegalRules rules;

    @Autowired
    CaseClocks clocks;

    @Autowired
    CaseFiles caseFiles;

    @Autowired
    Exchange exchange;

    @Autowired
    Directory directory;

    @Autowired
    AuditEntries audit;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TandemClock clock;

    @BeforeEach
    void at() {
        clock.setTime(LocalDateTime.of(DAY, LocalTime.of(9, 0)).atZone(VN).toInstant());
    }

    @AfterEach
    void reset() {
        clock.reset();
    }

    @TestFactory
    Stream<DynamicTest> everySeededRuleIsAppliedToTheCasesItIsFor() {
        List<LegalRule> seeded = rules.all().values().stream()
                .filter(versions ->
                        "system".equals(versions.get(versions.size() - 1).getChangedBy()))
                .map(versions -> versions.get(versions.size() - 1))
                .toList();
        assertThat(seeded)
                .extracting(LegalRule::getCode)
                .contains(
                        "DENUNCIATION_RESOLVE_VERY_COMPLEX",
                        "DENUNCIATION_ACCEPT_SEVERAL_SITES",
                        "DENUNCIATION_FORWARD",
                        "PETITION_FORWARD",
                        "RECEPTION_INFORM",
                        "INFORMATION_REQUEST",
                        "SITUATION_REPORT",
                        "INCIDENT_ACCEPT",
                        "INCIDENT_VERIFY",
                        "INCIDENT_RESOLVE",
                        "COMPLAINT_FILING_WINDOW",
                        "COMPLAINT_SECOND_INSTANCE_WINDOW_REMOTE",
                        "TRANSFER_NOTICE");
        return seeded.stream().map(rule -> DynamicTest.dynamicTest(rule.getCode(), () -> proveApplied(rule)));
    }

    void proveApplied(LegalRule rule) {
        if (rule.getStep() == LegalStep.SITUATION_REPORT) {
            // a report round, not a case, is on this clock (ReportRoundsIT follows a round to its escalation)
            assertThat(rounds.dueFor(DAY)).isEqualTo(rules.deadline(rule, DAY).due());
            return;
        }
        CurrentUser officer = directory.find("officer.congan").orElseThrow();
        List<CaseType> types =
                rule.getCaseType() == null ? List.of(CaseType.values()) : List.of(CaseType.valueOf(rule.getCaseType()));
        List<String> seen = new ArrayList<>();
        for (CaseType type : types) {
            Case c = scenario(rule, type, officer);
            if (rule.getStep() == LegalStep.INFORMATION_REQUEST) {
                var request = exchange.ask(
                        c.getCode(),
                        new InformationRequestForm(
                                "DANVAN", "Đề nghị cung cấp thông tin kiểm tra quy định", null, "NORMAL"),
                        officer);
                LocalDate due = request.getDueAt().atZone(VN).toLocalDate();
                String details = audit.findByCaseIdOrderByAtDescIdDesc(c.getId()).stream()
                        .filter(e -> "INFORMATION_REQUESTED".equals(e.getAction()))
                        .findFirst()
                        .orElseThrow()
                        .getDetails();
                if (details.contains(rule.getCode() + "#")
                        && due.equals(rules.deadline(rule, DAY).due())) {
                    return;
                }
                seen.add(type + ": " + details);
                continue;
            }
            List<CaseClocks.StepClock> caseClocks =
                    clocks.of(caseFiles.byId(c.getId()).orElseThrow());
            var applied = caseClocks.stream()
                    .filter(s -> s.deadline().rule().getCode().equals(rule.getCode()))
                    .findFirst();
            if (applied.isPresent()) {
                var s = applied.get();
                assertThat(s.step() == rule.getStep() || s.step().fallback() == rule.getStep())
                        .as("%s measures step %s", rule.getCode(), s.step())
                        .isTrue();
                assertThat(s.deadline().statutoryDue())
                        .isEqualTo(
                                rule.getDurationDays() == null
                                        ? null
                                        : rules.deadline(rule, s.deadline().start())
                                                .statutoryDue());
                return;
            }
            seen.add(type + ": "
                    + caseClocks.stream()
                            .map(s -> s.step() + "=" + s.deadline().rule().getCode())
                            .toList());
        }
        throw new AssertionError("Rule " + rule.getCode() + " (" + rule.getCaseType() + ", " + rule.getStep() + ", "
                + rule.getVariant() + ", instance " + rule.getInstance() + ") is applied to no case; clocks seen: "
                + seen);
    }

    /** A case whose facts are those the rule is for, at the stage where its step's clock runs. */
    Case scenario(LegalRule rule, CaseType type, CurrentUser officer) {
        LegalStep step = rule.getStep();
        Variant variant = rule.getVariant();
        boolean remote = variant.name().startsWith("REMOTE");
        Case c = caseFiles.create(
                new NewCase(
                        type,
                        step == LegalStep.INFORM ? Channel.RECEPTION : Channel.LETTER,
                        "Kiểm tra quy định " + rule.getCode(),
                        "Vụ việc dựng để kiểm tra quy định thời hạn.",
                        null,
                        remote ? 10L : 2L,
                        0,
                        false,
                        List.of(new NewCase.NewPetitioner("Nguyễn Văn Kiểm", null, null, null, false)),
                        rule.getInstance() == null ? 1 : rule.getInstance(),
                        variant == Variant.SEVERAL_SITES,
                        step == LegalStep.FILING_WINDOW ? DAY.minusDays(30) : null,
                        null),
                officer);
        String complexity = switch (variant) {
            case COMPLEX, REMOTE_COMPLEX -> "COMPLEX";
            case VERY_COMPLEX, REMOTE_VERY_COMPLEX -> "VERY_COMPLEX";
            default -> "STANDARD";
        };
        Timestamp now = Timestamp.from(clock.instant());
        switch (step) {
            case VERIFY, RESOLVE, ACCEPTANCE_NOTICE ->
                jdbc.update(
                        "update cases set status = 'IN_PROGRESS', " + "accepted_at = ?, complexity = ? where id = ?",
                        now,
                        complexity,
                        c.getId());
            case DECISION_NOTICE, SECOND_INSTANCE_WINDOW ->
                jdbc.update(
                        "update cases set status = 'CLOSED', "
                                + "outcome = 'RESOLVED', accepted_at = ?, decided_at = ?, closed_at = ?, complexity = ? "
                                + "where id = ?",
                        now,
                        now,
                        now,
                        complexity,
                        c.getId());
            case TRANSFER_NOTICE ->
                jdbc.update(
                        "update cases set status = 'CLOSED', outcome = 'TRANSFERRED', " + "closed_at = ? where id = ?",
                        now,
                        c.getId());
            default -> jdbc.update("update cases set complexity = ? where id = ?", complexity, c.getId());
        }
        assertThat(jdbc.queryForObject("select remote_area from cases where id = ?", Boolean.class, c.getId()))
                .as("unit of the remote commune")
                .isEqualTo(remote);
        return c;
    }
}
