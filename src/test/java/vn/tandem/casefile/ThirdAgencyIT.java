package vn.tandem.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.tandem.identity.Directory;
import vn.tandem.identity.Role;
import vn.tandem.process.CaseHandling;
import vn.tandem.support.Api;
import vn.tandem.support.TandemIntegrationTest;

/**
 * A third agency that verifies (here the Fatherland Front) is a data change plus its users: a row in {@code agency},
 * a unit and accounts — no code, template or BPMN change. New cases then get its verification task, with its own
 * deadline, and its hot-spot task; the proposal step reads its findings beside the other two.
 */
@TandemIntegrationTest
class ThirdAgencyIT {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Directory directory;

    @BeforeEach
    void addTheFront() {
        if (jdbc.queryForObject("select count(*) from agency where code = 'MTTQ'", Integer.class) == 0) {
            jdbc.update("insert into agency (code, name_vi, name_en, sort_order, verifies) values "
                    + "('MTTQ', 'Ủy ban MTTQ Việt Nam tỉnh', 'Provincial Fatherland Front', 3, true)");
            jdbc.update("insert into unit (id, code, name, agency_code, area_id) values "
                    + "(901, 'MTTQ-TINH', 'Ủy ban MTTQ Việt Nam tỉnh', 'MTTQ', 1)");
            directory.createUser("officer.mttq", "demo", "Lò Thị Mặt Trận", null, "MTTQ-TINH", Set.of(Role.OFFICER));
            directory.createUser(
                    "supervisor.mttq", "demo", "Hà Văn Đoàn Kết", null, "MTTQ-TINH", Set.of(Role.SUPERVISOR));
        } else {
            jdbc.update("update agency set verifies = true where code = 'MTTQ'");
        }
    }

    @AfterEach
    void theFrontStopsVerifying() {
        // the other tests' cases keep the founding two
        jdbc.update("update agency set verifies = false where code = 'MTTQ'");
    }

    @Test
    void aThirdVerifyingAgencyIsADataChange() {
        Api congan = new Api(rest, "officer.congan");
        String code = congan.createCase(2, "COMPLAINT", "Khiếu nại có Mặt trận tham gia xác minh");
        assertThat(congan.complete(congan.taskId(code, CaseHandling.TASK_ACCEPT), Map.of("decision", "ACCEPT")))
                .isEqualTo(204);
        Api front = new Api(rest, "officer.mttq");
        String task = front.taskId(code, CaseHandling.TASK_VERIFY, "mttq-officer");
        assertThat(task).as("the Front's verification task").isNotNull();
        assertThat(front.get("/api/tasks/" + task + "/form").getBody())
                .containsEntry("name", "Xác minh, nắm tình hình (Ủy ban MTTQ Việt Nam tỉnh)");
        assertThat(front.complete(
                        task, Map.of("findings", "Mặt trận đã lắng nghe ý kiến nhân dân.", "riskLevel", "LOW")))
                .isEqualTo(204);
        for (String group : List.of("congan-officer", "danvan-officer")) {
            Api api = new Api(rest, group.startsWith("congan") ? "officer.congan" : "officer.danvan");
            assertThat(api.complete(
                            api.taskId(code, CaseHandling.TASK_VERIFY, group),
                            Map.of("findings", "Đã xác minh tại địa bàn.", "riskLevel", "MEDIUM")))
                    .isEqualTo(204);
        }
        // the case is shared with the Front through its task; the proposal step reads three agencies' findings
        assertThat((List<?>) congan.get("/api/cases/" + code).getBody().get("agencies"))
                .hasSize(3);
        String propose = congan.taskId(code, CaseHandling.TASK_PROPOSE);
        String page = rest.withBasicAuth("officer.congan", "demo").getForObject("/tasks/" + propose, String.class);
        assertThat(page)
                .contains("data-agency=\"MTTQ\"", "data-agency=\"CONGAN\"", "data-agency=\"DANVAN\"")
                .contains("Mặt trận đã lắng nghe ý kiến nhân dân.");

        // a hot spot: each agency's supervisors, the Front's too, get an urgent task
        assertThat(congan.post("/api/cases/" + code + "/hotspot", Map.of("reason", "Công dân tụ tập đông người"))
                        .getStatusCode()
                        .value())
                .isEqualTo(204);
        assertThat(new Api(rest, "supervisor.mttq").taskId(code, CaseHandling.TASK_HOTSPOT, "mttq-supervisor"))
                .isNotNull();
    }
}
