package vn.tandem.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.tandem.audit.AuditEntries;
import vn.tandem.common.InvalidInputException;
import vn.tandem.support.TandemIntegrationTest;

/** Each pre-filled rule gives the exact statutory and target dates; versions keep old cases on old rules. */
@TandemIntegrationTest
class LegalRulesIT {

    @Autowired
    LegalRules rules;

    @Autowired
    AuditEntries audit;

    @Autowired
    TestRestTemplate rest;

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    LegalRules.Deadline deadline(String type, String step, Integer instance, String variant, LocalDate accepted) {
        return rules.deadline(
                rules.ruleFor(type, LegalStep.valueOf(step), instance, Variant.valueOf(variant), accepted)
                        .orElseThrow(),
                accepted);
    }

    @Test
    void everyPrefilledRuleGivesTheExactDates() {
        LocalDate thursday = LocalDate.of(2026, 3, 5);
        // complaint, accept: 10 calendar days, target 5
        var accept = deadline("COMPLAINT", "ACCEPT", null, "STANDARD", thursday);
        assertThat(accept.rule().getLegalBasis()).contains("Điều 27");
        assertThat(accept.statutoryDue()).isEqualTo(LocalDate.of(2026, 3, 16)); // 15/03 is a Sunday
        assertThat(accept.targetDue()).isEqualTo(LocalDate.of(2026, 3, 10));
        // complaint, 1st instance: 30 / complex 45 / remote 45 / remote + complex 60; target 30% shorter
        assertThat(deadline("COMPLAINT", "RESOLVE", 1, "STANDARD", thursday).statutoryDue())
                .isEqualTo(LocalDate.of(2026, 4, 6)); // 04/04 is a Saturday
        assertThat(deadline("COMPLAINT", "RESOLVE", 1, "STANDARD", thursday).targetDue())
                .isEqualTo(LocalDate.of(2026, 3, 26));
        assertThat(deadline("COMPLAINT", "RESOLVE", 1, "COMPLEX", thursday)
                        .rule()
                        .getDurationDays())
                .isEqualTo(45);
        assertThat(deadline("COMPLAINT", "RESOLVE", 1, "REMOTE_COMPLEX", thursday)
                        .rule()
                        .getDurationDays())
                .isEqualTo(60);
        assertThat(deadline("COMPLAINT", "RESOLVE", 2, "STANDARD", thursday)
                        .rule()
                        .getDurationDays())
                .isEqualTo(45);
        assertThat(deadline("COMPLAINT", "RESOLVE", 2, "REMOTE_COMPLEX", thursday)
                        .rule()
                        .getDurationDays())
                .isEqualTo(70);
        // denunciation, check acceptability: 7 working days; accepted just before Tết it skips the whole holiday
        var denunciation = deadline("DENUNCIATION", "ACCEPT", null, "STANDARD", LocalDate.of(2026, 2, 12));
        assertThat(denunciation.statutoryDue()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(deadline("DENUNCIATION", "ACCEPT", null, "SEVERAL_SITES", LocalDate.of(2026, 2, 12))
                        .rule()
                        .getDurationDays())
                .isEqualTo(10);
        assertThat(deadline("DENUNCIATION", "FORWARD", null, "STANDARD", thursday)
                        .statutoryDue())
                .isEqualTo(LocalDate.of(2026, 3, 12));
        var resolve = deadline("DENUNCIATION", "RESOLVE", null, "VERY_COMPLEX", thursday);
        assertThat(resolve.rule().getMaxExtensions()).isEqualTo(2);
        assertThat(resolve.rule().getMaxExtensionDays()).isEqualTo(30);
        // a variant without its own rule falls back to the standard one
        assertThat(deadline("DENUNCIATION", "FORWARD", null, "COMPLEX", thursday)
                        .rule()
                        .getCode())
                .isEqualTo("DENUNCIATION_FORWARD");
        // rules for any case type: citizen reception and information requests; a petition's acceptance is timed
        // by the reception rule (no acceptance rule of its own)
        assertThat(deadline("INCIDENT", "INFORM", null, "STANDARD", thursday).statutoryDue())
                .isEqualTo(LocalDate.of(2026, 3, 19));
        assertThat(deadline("PETITION", "ACCEPT", null, "STANDARD", thursday)
                        .rule()
                        .getCode())
                .isEqualTo("RECEPTION_INFORM");
        // verification without a rule of its own follows the resolution's; incidents have their own targets
        assertThat(deadline("COMPLAINT", "VERIFY", 1, "COMPLEX", thursday)
                        .rule()
                        .getCode())
                .isEqualTo("COMPLAINT_RESOLVE_1_COMPLEX");
        var incident = deadline("INCIDENT", "VERIFY", null, "STANDARD", thursday);
        assertThat(incident.rule().getCode()).isEqualTo("INCIDENT_VERIFY");
        assertThat(incident.statutoryDue()).isNull();
        assertThat(incident.targetDue()).isEqualTo(LocalDate.of(2026, 3, 10));
        // a remote very complex complaint falls back to the remote complex limit
        assertThat(deadline("COMPLAINT", "RESOLVE", 1, "REMOTE_VERY_COMPLEX", thursday)
                        .rule()
                        .getCode())
                .isEqualTo("COMPLAINT_RESOLVE_1_REMOTE_COMPLEX");
        assertThat(deadline("PETITION", "INFORMATION_REQUEST", null, "STANDARD", thursday)
                        .statutoryDue())
                .isEqualTo(LocalDate.of(2026, 3, 12));
        // petitions: no statutory limit, only the provincial target
        var petition = deadline("PETITION", "RESOLVE", null, "STANDARD", thursday);
        assertThat(petition.statutoryDue()).isNull();
        assertThat(petition.targetDue()).isEqualTo(LocalDate.of(2026, 3, 12));
        assertThat(deadline("PETITION", "FORWARD", null, "STANDARD", thursday)
                        .rule()
                        .getLegalBasis())
                .contains("20/2008");
    }

    @Test
    void aClockStartedBeforeARuleChangeKeepsTheOldVersion() {
        SecurityContextHolder.getContext()
                .setAuthentication(new TestingAuthenticationToken("admin", null, "ROLE_ADMIN"));
        // a rule no real case selects (incidents have no second instance), so the shared database stays as seeded
        String code = "TEST_INCIDENT_RESOLVE_2_" + System.nanoTime() % 100000;
        var figures = new LegalRule.Figures(10, LegalRule.Unit.CALENDAR_DAYS, 5, null, 0, 0, "Quyết định thử");
        rules.create(
                new LegalRules.NewRule(
                        code, "INCIDENT", LegalStep.RESOLVE, 2, Variant.STANDARD, figures, LocalDate.of(2034, 1, 1)),
                "Quy định dùng cho kiểm thử");
        long changes = audit.findByActionOrderByIdAsc("RULE_CHANGED").size();
        var amended = new LegalRule.Figures(8, LegalRule.Unit.WORKING_DAYS, 4, null, 0, 0, "Quyết định sửa đổi 2035");
        assertThatThrownBy(() ->
                        rules.newVersion(code, amended, LocalDate.of(2033, 1, 1), "Sửa đổi theo quyết định", false))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> rules.newVersion(code, amended, LocalDate.of(2035, 7, 1), "ngắn", false))
                .isInstanceOf(InvalidInputException.class);
        var result = rules.newVersion(code, amended, LocalDate.of(2035, 7, 1), "Sửa đổi theo quyết định 2091", false);
        assertThat(result.unaffectedCases()).isEmpty();
        var before = deadline("INCIDENT", "RESOLVE", 2, "STANDARD", LocalDate.of(2035, 6, 30));
        assertThat(before.rule().getVersion()).isEqualTo(1);
        assertThat(before.rule().getCode()).isEqualTo(code);
        var after = deadline("INCIDENT", "RESOLVE", 2, "STANDARD", LocalDate.of(2035, 7, 2));
        assertThat(after.rule().getVersion()).isEqualTo(2);
        assertThat(after.rule().getLegalBasis()).isEqualTo("Quyết định sửa đổi 2035");
        assertThat(after.rule().getUnit()).isEqualTo(LegalRule.Unit.WORKING_DAYS);
        var entries = audit.findByActionOrderByIdAsc("RULE_CHANGED");
        assertThat(entries).hasSize((int) changes + 1);
        assertThat(entries.get(entries.size() - 1).getActor()).isEqualTo("admin");
        rules.retire(code, LocalDate.of(2035, 12, 1), "Hết hiệu lực thử nghiệm");
        assertThat(rules.ruleFor("INCIDENT", LegalStep.RESOLVE, 2, Variant.STANDARD, LocalDate.of(2035, 12, 1))
                        .map(LegalRule::getCode))
                .isNotEqualTo(Optional.of(code));
        var page = rest.withBasicAuth("admin", "demo").getForEntity("/admin/rules", String.class);
        assertThat(page.getStatusCode().value()).isEqualTo(200);
        assertThat(page.getBody()).contains(code, "Quyết định sửa đổi 2035", "Sửa đổi theo quyết định 2091");
        assertThat(rest.withBasicAuth("supervisor.congan", "demo")
                        .getForEntity("/admin/rules", String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
    }
}
