package vn.tandem.reception;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.tandem.process.TandemClock;
import vn.tandem.support.Api;
import vn.tandem.support.TandemIntegrationTest;

/**
 * The reception log and dialogue meetings from outside: recorded by the unit's officers, seen by both agencies of
 * the area, linked cases get one timeline entry each, bad input refused field by field, stale changes 409.
 */
@TandemIntegrationTest
class ReceptionIT {

    static final long CA_MINHXUAN = 4;
    static final long DV_YENSON = 5;
    static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {};

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TandemClock clock;

    int timeline(String code, String kind) {
        return jdbc.queryForObject(
                "select count(*) from timeline_entry t join cases c on c.id = t.case_id where c.code = ? and t.kind = ?",
                Integer.class,
                code,
                kind);
    }

    @Test
    @SuppressWarnings("unchecked")
    void anOfficerLogsAReceptionItsMattersLinkTheirCasesAndBothAgenciesOfTheAreaSeeIt() {
        Api police = new Api(rest, "officer.congan.minhxuan");
        String code = police.createCase(CA_MINHXUAN, "COMPLAINT", "Khiếu nại về tiền bồi thường tổ 3");
        String today = LocalDate.now(clock).toString();
        Map<String, Object> body = new HashMap<>();
        body.put("heldOn", today);
        body.put("regular", true);
        body.put("place", "Trụ sở Công an phường Minh Xuân");
        body.put("unitId", CA_MINHXUAN);
        body.put("receivedBy", "Đ/c Trưởng Công an phường");
        body.put("citizens", 5);
        body.put(
                "matters",
                List.of(
                        Map.of("summary", "Đề nghị xem xét lại tiền bồi thường", "caseCode", code),
                        Map.of("summary", "Hỏi thủ tục đăng ký tạm trú (đã hướng dẫn tại chỗ)")));
        var created = police.post("/api/receptions", body);
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        Map<String, Object> reception = created.getBody();
        assertThat((List<Map<String, Object>>) reception.get("matters"))
                .extracting(m -> m.get("caseCode"))
                .containsExactly(code, null);
        assertThat(timeline(code, "RECEPTION")).isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_entry where action = 'RECEPTION_RECORDED' and entity_id = ?",
                        Integer.class,
                        reception.get("id").toString()))
                .isEqualTo(1);

        // Dân vận of the same ward sees it; another commune's officer and designers do not
        List<Map<String, Object>> seen = rest.withBasicAuth("officer.danvan.minhxuan", "demo")
                .exchange("/api/receptions?from=" + today + "&to=" + today, HttpMethod.GET, null, LIST)
                .getBody();
        assertThat(seen).extracting(r -> r.get("id")).contains(reception.get("id"));
        assertThat(new Api(rest, "designer")
                        .get("/api/receptions/" + reception.get("id"))
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        assertThat(rest.withBasicAuth("officer.danvan.minhxuan", "demo").getForObject("/receptions", String.class))
                .contains("data-reception=\"" + reception.get("id") + "\"");

        // a change with a stale version loses nothing: 409; the same case linked again is not told twice
        Map<String, Object> change = new HashMap<>(body);
        change.put("citizens", 6);
        change.put("version", reception.get("version"));
        assertThat(police.put("/api/receptions/" + reception.get("id"), change)
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        assertThat(police.put("/api/receptions/" + reception.get("id"), change)
                        .getStatusCode()
                        .value())
                .isEqualTo(409);
        assertThat(timeline(code, "RECEPTION")).isEqualTo(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aDialogueOfBothAgenciesIsRecordedOnItsCases() {
        Api supervisor = new Api(rest, "supervisor.congan.minhxuan");
        String code = supervisor.createCase(CA_MINHXUAN, "PETITION", "Kiến nghị về tiếng ồn xưởng gỗ");
        Map<String, Object> body = new HashMap<>();
        body.put("heldOn", LocalDate.now(clock).toString());
        body.put("place", "Nhà văn hóa tổ 5");
        body.put("unitId", CA_MINHXUAN);
        body.put("agencies", List.of("DANVAN"));
        body.put("participants", "Đ/c Phó Trưởng Công an phường; Đ/c Trưởng khối Dân vận phường");
        body.put("citizens", 30);
        body.put("conclusions", "Xưởng gỗ cam kết không hoạt động sau 22 giờ; phường kiểm tra hằng tuần.");
        body.put("caseCodes", List.of(code));
        var created = supervisor.post("/api/dialogues", body);
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        assertThat((List<String>) created.getBody().get("agencies")).containsExactly("CONGAN", "DANVAN");
        assertThat(created.getBody()).containsEntry("caseCodes", List.of(code));
        assertThat(timeline(code, "DIALOGUE")).isEqualTo(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void badInputIsRefusedFieldByFieldAndAnotherAgencysUnitIsNotYours() {
        Api police = new Api(rest, "officer.congan.minhxuan");
        Map<String, Object> bad = new HashMap<>();
        bad.put("heldOn", LocalDate.now(clock).plusDays(1).toString());
        bad.put("place", " ");
        bad.put("unitId", CA_MINHXUAN);
        bad.put("receivedBy", "Cán bộ trực");
        bad.put("citizens", 0);
        bad.put("matters", List.of(Map.of("summary", ""), Map.of("summary", "Nội dung", "caseCode", "VV-1900-000001")));
        var refused = police.post("/api/receptions", bad);
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        List<String> fields = ((List<Map<String, Object>>) refused.getBody().get("errors"))
                .stream().map(e -> (String) e.get("field")).toList();
        assertThat(fields).contains("heldOn", "place", "citizens", "matters[0].summary", "matters[1].caseCode");
        Map<String, Object> elsewhere = new HashMap<>(bad);
        elsewhere.put("unitId", DV_YENSON);
        assertThat(police.post("/api/receptions", elsewhere).getStatusCode().value())
                .isEqualTo(403);
    }
}
