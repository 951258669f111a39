package vn.tandem.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
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
        return rules.deadline(rules.ruleFor(type, step, instance, variant, accepted).orElseThrow(), accepted);
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
        assertThat(deadline("COMPLAINT", "RESOLVE", 1, "COMPLEX", thursday).rule().getDurationDays()).isEqualTo(45);
        assertThat(deadline("COMPLAINT", "RESOLVE", 1, "REMOTE_COMPLEX", thursday).rule().getDurationDays())
                .isEqualTo(60);
        assertThat(deadline("COMPLAINT", "RESOLVE", 2, "STANDARD", thursday).rule().getDurationDays()).isEqualTo(45);
        assertThat(deadline("COMPLAINT", "RESOLVE", 2, "REMOTE_COMPLEX", thursday).rule().getDurationDays())
                .isEqualTo(70);
        // denunciation, check acceptability: 7 working days; accepted just before Tết it skips the whole holiday
        var denunciation = deadline("DENUNCIATION", "ACCEPT", null, "STANDARD", LocalDate.of(2026, 2, 12));
        assertThat(denunciation.statutoryDue()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(deadline("DENUNCIATION", "ACCEPT", null, "SEVERAL_SITES", LocalDate.of(2026, 2, 12))
                .rule().getDurationDays()).isEqualTo(10);
        assertThat(deadline("DENUNCIATION", "FORWARD", null, "STANDARD", thursday).statutoryDue())
                .isEqualTo(LocalDate.of(2026, 3, 12));
        var resolve = deadline("DENUNCIATION", "RESOLVE", null, "VERY_COMPLEX", thursday);
        assertThat(resolve.rule().getMaxExtensions()).isEqualTo(2);
        assertThat(resolve.rule().getMaxExtensionDays()).isEqualTo(30);
        // a variant without its own rule falls back to the standard one
        assertThat(deadline("DENUNCIATION", "FORWARD", null, "COMPLEX", thursday).rule().getCode())
                .isEqualTo("DENUNCIATION_FORWARD");
        // rules for any case type: citizen reception and information requests
        assertThat(deadline("INCIDENT", "INFORM", null, "STANDARD", thursday).statutoryDue())
                .isEqualTo(LocalDate.of(2026, 3, 19));
        assertThat(deadline("PETITION", "INFORMATION_REQUEST", null, "STANDARD", thursday).statutoryDue())
                .isEqualTo(LocalDate.of(2026, 3, 12));
        // petitions: no statutory limit, only the provincial target
        var petition = deadline("PETITION", "RESOLVE", null, "STANDARD", thursday);
        assertThat(petition.statutoryDue()).isNull();
        assertThat(petition.targetDue()).isEqualTo(LocalDate.of(2026, 3, 12));
        assertThat(deadline("PETITION", "FORWARD", null, "STANDARD", thursday).rule().getLegalBasis())
                .contains("20/2008");
    }

    @Test
    void aCaseAcceptedBeforeARuleChangeKeepsTheOldRule() {
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("admin", null, "ROLE_ADMIN"));
        long changes = audit.findByActionOrderByIdAsc("RULE_CHANGED").size();
        assertThatThrownBy(() -> rules.newVersion("COMPLAINT_ACCEPT", 8, LegalRule.Unit.CALENDAR_DAYS,
                "Luật sửa đổi", null, null, 0, 0, LocalDate.of(2010, 1, 1))).isInstanceOf(InvalidInputException.class);
        rules.newVersion("COMPLAINT_ACCEPT", 8, LegalRule.Unit.WORKING_DAYS, "Luật Khiếu nại (sửa đổi 2026), Điều 27",
                4, null, 0, 0, LocalDate.of(2026, 7, 1));
        var before = deadline("COMPLAINT", "ACCEPT", null, "STANDARD", LocalDate.of(2026, 6, 30));
        assertThat(before.rule().getVersion()).isEqualTo(1);
        assertThat(before.statutoryDue()).isEqualTo(LocalDate.of(2026, 7, 10));
        var after = deadline("COMPLAINT", "ACCEPT", null, "STANDARD", LocalDate.of(2026, 7, 1));
        assertThat(after.rule().getVersion()).isEqualTo(2);
        assertThat(after.statutoryDue()).isEqualTo(LocalDate.of(2026, 7, 13));
        assertThat(after.targetDue()).isEqualTo(LocalDate.of(2026, 7, 7));
        var entries = audit.findByActionOrderByIdAsc("RULE_CHANGED");
        assertThat(entries).hasSize((int) changes + 1);
        assertThat(entries.get(entries.size() - 1).getActor()).isEqualTo("admin");
        var page = rest.withBasicAuth("admin", "demo").getForEntity("/admin/rules", String.class);
        assertThat(page.getStatusCode().value()).isEqualTo(200);
        assertThat(page.getBody()).contains("COMPLAINT_ACCEPT", "Luật Khiếu nại (sửa đổi 2026), Điều 27");
        assertThat(rest.withBasicAuth("supervisor.congan", "demo").getForEntity("/admin/rules", String.class)
                .getStatusCode().value()).isEqualTo(403);
    }
}
