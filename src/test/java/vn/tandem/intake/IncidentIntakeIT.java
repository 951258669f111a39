package vn.tandem.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.tandem.process.TandemClock;
import vn.tandem.support.Api;
import vn.tandem.support.TandemIntegrationTest;

/** What an incident needs at intake: when, how it was detected, people, harm, forces; no petitioner required. */
@TandemIntegrationTest
class IncidentIntakeIT {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    TandemClock clock;

    @Autowired
    JdbcTemplate jdbc;

    Map<String, Object> incident(LocalDateTime occurredAt, String detectedBy) {
        Map<String, Object> body = new HashMap<>();
        body.put("type", "INCIDENT");
        body.put("channel", "GRASSROOTS");
        body.put("title", "Tụ tập đông người trước trụ sở xã");
        body.put("description", "Khoảng 30 người tụ tập phản đối việc thu hồi đất.");
        body.put("location", "Trụ sở UBND xã Minh Xuân");
        body.put("unitId", 2);
        body.put("crowdSize", 3); // under the crowd threshold: no hot spot, whose step would share the case in full
        body.put("occurredAt", occurredAt == null ? null : occurredAt.toString());
        body.put("detectedBy", detectedBy);
        body.put("peopleInvolved", 30);
        body.put("harm", "Không có thương tích; hư hỏng cổng sắt");
        body.put("forcesOnScene", "Công an xã (6 đồng chí), dân quân (4)");
        return body;
    }

    @Test
    @SuppressWarnings("unchecked")
    void anIncidentIsRecordedWithItsFactsAndWithoutAPetitioner() {
        Api officer = new Api(rest, "officer.congan");
        LocalDateTime twoHoursAgo = LocalDateTime.now(clock).minusHours(2).withNano(0);
        var created = officer.post("/api/cases", incident(twoHoursAgo, "PATROL"));
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        String code = (String) created.getBody().get("code");
        var facts = (Map<String, Object>)
                officer.get("/api/cases/" + code).getBody().get("incident");
        assertThat(facts)
                .containsEntry("detectedBy", "PATROL")
                .containsEntry("peopleInvolved", 30)
                .containsEntry("harm", "Không có thương tích; hư hỏng cổng sắt")
                .containsEntry("forcesOnScene", "Công an xã (6 đồng chí), dân quân (4)");
        assertThat(facts.get("occurredAt").toString()).isNotBlank();
        String page = rest.withBasicAuth("officer.congan", "demo").getForObject("/cases/" + code, String.class);
        assertThat(page)
                .contains("fact-occurred")
                .contains("Tuần tra phát hiện")
                .contains("hư hỏng cổng sắt");

        // the other agency's local officers learn of it at once: they see it read-only and get a notice; the
        // receiving agency's officers get none
        Api danvan = new Api(rest, "officer.danvan");
        assertThat(danvan.get("/api/cases/" + code).getStatusCode().value()).isEqualTo(200);
        assertThat(danvan.post("/api/cases/" + code + "/comments", Map.of("body", "Góp ý"))
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        assertThat(jdbc.queryForList(
                        "select recipient from notification where case_code = ? and kind = 'INCIDENT_REPORTED'"
                                + " order by recipient",
                        String.class,
                        code))
                // every other agency (another test may add a third), none of the receiving one's; a provincial
                // unit's case does not reach commune officers
                .contains("officer.danvan")
                .doesNotContain("officer.danvan.minhxuan")
                .noneMatch(u -> u.startsWith("officer.congan"));
        Map<String, Object> atCommune =
                incident(LocalDateTime.now(clock).minusHours(1).withNano(0), "COMMUNE_UNIT");
        atCommune.put("unitId", 4);
        String local = (String) new Api(rest, "officer.congan.minhxuan")
                .post("/api/cases", atCommune)
                .getBody()
                .get("code");
        assertThat(jdbc.queryForList(
                        "select recipient from notification where case_code = ? and kind = 'INCIDENT_REPORTED'"
                                + " order by recipient",
                        String.class,
                        local))
                .contains("officer.danvan", "officer.danvan.minhxuan")
                .noneMatch(u -> u.startsWith("officer.congan"));
        // a grievance is not shared by being received
        String complaint = officer.createCase(2, "COMPLAINT", "Khiếu nại không chia sẻ khi tiếp nhận");
        assertThat(danvan.get("/api/cases/" + complaint).getStatusCode().value())
                .isEqualTo(404);
    }

    @Test
    @SuppressWarnings("unchecked")
    void anIncidentWithoutWhenOrHowAndAGrievanceWithoutPetitionerAreRefusedByField() {
        Api officer = new Api(rest, "officer.congan");
        var missing = officer.post("/api/cases", incident(null, null));
        assertThat(missing.getStatusCode().value()).isEqualTo(400);
        assertThat((List<Map<String, Object>>) missing.getBody().get("errors"))
                .extracting(e -> e.get("field"))
                .contains("occurredAt", "detectedBy");
        var future =
                officer.post("/api/cases", incident(LocalDateTime.now(clock).plusDays(1), "HOTLINE"));
        assertThat(future.getStatusCode().value()).isEqualTo(400);
        assertThat((List<Map<String, Object>>) future.getBody().get("errors"))
                .extracting(e -> e.get("field"))
                .containsExactly("occurredAt");
        Map<String, Object> complaint = incident(null, null);
        complaint.put("type", "COMPLAINT");
        var noPetitioner = officer.post("/api/cases", complaint);
        assertThat(noPetitioner.getStatusCode().value()).isEqualTo(400);
        assertThat((List<Map<String, Object>>) noPetitioner.getBody().get("errors"))
                .extracting(e -> e.get("field"))
                .containsExactly("petitioners");
    }
}
