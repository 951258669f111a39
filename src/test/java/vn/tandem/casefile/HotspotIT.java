package vn.tandem.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import vn.tandem.audit.AuditEntries;
import vn.tandem.process.CaseHandling;
import vn.tandem.support.Api;
import vn.tandem.support.TandemIntegrationTest;

/** Hot spots: raised by rules (crowd, level-skipping, third visit) or an officer; cleared by a supervisor. */
@TandemIntegrationTest
class HotspotIT {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    AuditEntries audit;

    Map<String, Object> detail(Api api, String code) {
        return api.get("/api/cases/" + code).getBody();
    }

    @Test
    void aCrowdCaseIsAHotSpotAndBothSupervisorsGetAnUrgentTask() {
        Api officer = new Api(rest, "officer.congan");
        var created = officer.post(
                "/api/cases",
                Map.of(
                        "type",
                        "INCIDENT",
                        "channel",
                        "GRASSROOTS",
                        "title",
                        "Tụ tập đông người trước trụ sở",
                        "description",
                        "Khoảng 15 người tụ tập phản đối.",
                        "unitId",
                        2,
                        "crowdSize",
                        15,
                        "petitioners",
                        List.of(Map.of("fullName", "Đại diện nhóm dân")),
                        "occurredAt",
                        "2025-01-02T08:30:00",
                        "detectedBy",
                        "SIGNAL"));
        String code = (String) created.getBody().get("code");
        assertThat(detail(officer, code)).containsEntry("hotspot", true).containsEntry("crowd", true);
        assertThat(new Api(rest, "supervisor.congan").taskId(code, CaseHandling.TASK_HOTSPOT, "congan-supervisor"))
                .isNotNull();
        // the Dân vận supervisors' task shares the case with Dân vận
        Api danvan = new Api(rest, "supervisor.danvan");
        String urgent = danvan.taskId(code, CaseHandling.TASK_HOTSPOT, "danvan-supervisor");
        assertThat(danvan.complete(urgent, Map.of("hotspotMeasures", "Cử cán bộ dân vận đến đối thoại ngay")))
                .isEqualTo(204);
        // raising again while flagged conflicts; an officer may not clear; a supervisor clears with a note
        assertThat(officer.post("/api/cases/" + code + "/hotspot", Map.of("reason", "Lại tụ tập thêm người"))
                        .getStatusCode()
                        .value())
                .isEqualTo(409);
        assertThat(officer.post("/api/cases/" + code + "/hotspot/clear", Map.of("note", "Đã giải tán êm thấm"))
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        Api supervisor = new Api(rest, "supervisor.congan");
        assertThat(supervisor
                        .post("/api/cases/" + code + "/hotspot/clear", Map.of("note", "x"))
                        .getStatusCode()
                        .value())
                .isEqualTo(400);
        long cleared = audit.findByActionOrderByIdAsc("HOTSPOT_CLEARED").size();
        assertThat(supervisor
                        .post(
                                "/api/cases/" + code + "/hotspot/clear",
                                Map.of("note", "Người dân đã giải tán, tình hình ổn định"))
                        .getStatusCode()
                        .value())
                .isEqualTo(204);
        assertThat(audit.findByActionOrderByIdAsc("HOTSPOT_CLEARED")).hasSize((int) cleared + 1);
        assertThat(detail(officer, code)).containsEntry("hotspot", false);
        assertThat(supervisor
                        .post("/api/cases/" + code + "/hotspot/clear", Map.of("note", "Gỡ thêm lần nữa cho chắc"))
                        .getStatusCode()
                        .value())
                .isEqualTo(409);
    }

    @Test
    @SuppressWarnings("unchecked")
    void anOfficerRaisesOneAndAThirdVisitOnTheSameMatterRaisesOne() {
        Api officer = new Api(rest, "officer.congan");
        String code = officer.createCase(2, "COMPLAINT", "Khiếu nại có dấu hiệu bức xúc gia tăng");
        assertThat(detail(officer, code)).containsEntry("hotspot", false);
        assertThat(officer.post("/api/cases/" + code + "/hotspot", Map.of("reason", "ngắn"))
                        .getStatusCode()
                        .value())
                .isEqualTo(400);
        long raised = audit.findByActionOrderByIdAsc("HOTSPOT_RAISED").size();
        assertThat(officer.post(
                                "/api/cases/" + code + "/hotspot",
                                Map.of("reason", "Nhóm người dân kêu gọi kéo đến trụ sở UBND"))
                        .getStatusCode()
                        .value())
                .isEqualTo(204);
        assertThat(audit.findByActionOrderByIdAsc("HOTSPOT_RAISED")).hasSize((int) raised + 1);
        var timeline = (List<Map<String, Object>>) detail(officer, code).get("timeline");
        assertThat(timeline).extracting(e -> e.get("kind")).contains("HOTSPOT");
        // the Dân vận supervisors' urgent task shared the case with Dân vận; a commune officer still cannot see it
        assertThat(new Api(rest, "officer.danvan")
                        .get("/api/cases/" + code)
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        assertThat(new Api(rest, "officer.congan.minhxuan")
                        .post("/api/cases/" + code + "/hotspot", Map.of("reason", "Không thuộc địa bàn của mình"))
                        .getStatusCode()
                        .value())
                .isEqualTo(404);

        String original = officer.createCase(2, "COMPLAINT", "Khiếu nại về ranh giới đất lần đầu");
        for (int visit = 2; visit <= 3; visit++) {
            assertThat(detail(officer, original)).containsEntry("hotspot", false);
            String repeat = officer.createCase(2, "COMPLAINT", "Khiếu nại cùng nội dung, lần " + visit);
            assertThat(officer.complete(
                            officer.taskId(repeat, CaseHandling.TASK_ACCEPT),
                            Map.of("decision", "MERGE", "mergeInto", original, "reason", "Cùng nội dung")))
                    .isEqualTo(204);
        }
        assertThat(detail(officer, original)).containsEntry("hotspot", true);
    }
}
