package vn.tandem.situation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import vn.tandem.process.TandemClock;
import vn.tandem.support.Api;
import vn.tandem.support.TandemIntegrationTest;

/**
 * Situation reports and signals over the API: filed once per idempotency key, refused field by field, seen by both
 * agencies' users covering the area (not by designers, not by another commune), triaged with a history.
 */
@TandemIntegrationTest
class SituationApiIT {

    static final long DV_MINHXUAN = 3;
    static final long CA_MINHXUAN = 4;
    static final long DV_YENSON = 5;

    @Autowired
    TestRestTemplate rest;

    @Autowired
    TandemClock clock;

    @Autowired
    JdbcTemplate jdbc;

    static Map<String, Object> signal(String category, String place, int people, String risk, String description) {
        Map<String, Object> s = new HashMap<>();
        s.put("category", category);
        s.put("place", place);
        s.put("peopleInvolved", people);
        s.put("risk", risk);
        s.put("description", description);
        return s;
    }

    Map<String, Object> report(long unitId, List<Map<String, Object>> signals) {
        LocalDate today = LocalDate.now(clock);
        return Map.of(
                "unitId",
                unitId,
                "periodFrom",
                today.minusDays(6).toString(),
                "periodTo",
                today.toString(),
                "assessment",
                "WATCH",
                "signals",
                signals);
    }

    @SuppressWarnings("unchecked")
    static List<Number> signalIds(Map<String, Object> created) {
        return (List<Number>) created.get("signalIds");
    }

    @SuppressWarnings("unchecked")
    static List<String> fields(Map<String, Object> problem) {
        return ((List<Map<String, Object>>) problem.get("errors"))
                .stream().map(e -> (String) e.get("field")).toList();
    }

    @SuppressWarnings("unchecked")
    static List<Number> ids(Map<String, Object> page) {
        return ((List<Map<String, Object>>) page.get("items"))
                .stream().map(i -> (Number) i.get("id")).toList();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aCommuneReportIsFiledOnceSeenByBothAgenciesAndItsSignalsTriaged() {
        Api commune = new Api(rest, "officer.danvan.minhxuan");
        Map<String, Object> crowd =
                signal("CROWD", "Tổ 7, phường Minh Xuân", 25, "HIGH", "Khoảng 25 hộ bàn tán việc kéo nhau lên tỉnh.");
        Map<String, Object> land =
                signal("LAND", "Tổ 3", 2, "MEDIUM", "Hai hộ tranh chấp lối đi chung sau khi đo đạc lại.");
        land.put("source", "Bà Lưu Thị Gấm");
        Map<String, Object> rumour = signal("RUMOUR", "Nhóm Zalo tổ 7", 0, "LOW", "Tin đồn thất thiệt về giá đền bù.");
        Map<String, Object> other = signal("OTHER", "Chợ Minh Xuân", 0, "LOW", "Tiểu thương phàn nàn về phí vệ sinh.");
        HttpHeaders key = new HttpHeaders();
        key.set("Idempotency-Key", UUID.randomUUID().toString());
        var created =
                commune.post("/api/situation-reports", report(DV_MINHXUAN, List.of(crowd, land, rumour, other)), key);
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        List<Number> signals = signalIds(created.getBody());
        assertThat(signals).hasSize(4);
        // the queued form sent again: the same report, nothing filed twice
        var again =
                commune.post("/api/situation-reports", report(DV_MINHXUAN, List.of(crowd, land, rumour, other)), key);
        assertThat(again.getStatusCode().value()).isEqualTo(201);
        assertThat(again.getBody()).containsEntry("id", created.getBody().get("id"));
        assertThat(jdbc.queryForObject(
                        "select count(*) from signal where report_id = ?",
                        Integer.class,
                        created.getBody().get("id")))
                .isEqualTo(4);

        // both agencies' users covering the ward and the province see the signals; designers see none
        long crowdId = signals.get(0).longValue();
        for (String user : List.of("officer.congan.minhxuan", "officer.congan", "supervisor.danvan")) {
            assertThat(ids(new Api(rest, user)
                            .get("/api/signals?unitId=" + DV_MINHXUAN + "&size=100")
                            .getBody()))
                    .as(user)
                    .contains(signals.toArray(Number[]::new));
        }
        assertThat(new Api(rest, "designer").get("/api/signals").getStatusCode().value())
                .isEqualTo(403);
        assertThat((List<Map<String, Object>>) (List<?>) rest.withBasicAuth("officer.congan.minhxuan", "demo")
                        .getForObject("/api/situation-reports?unitId=" + DV_MINHXUAN, List.class))
                .anySatisfy(
                        r -> assertThat(r).containsEntry("id", created.getBody().get("id")));

        // triage by the police of the ward: watch (not in the past), then promote to an incident, pre-filled
        Api police = new Api(rest, "officer.congan.minhxuan");
        assertThat(fields(police.post(
                                "/api/signals/" + crowdId + "/watch",
                                Map.of(
                                        "followUpOn",
                                        LocalDate.now(clock).minusDays(1).toString()))
                        .getBody()))
                .containsExactly("followUpOn");
        assertThat(police.post(
                                "/api/signals/" + crowdId + "/watch",
                                Map.of(
                                        "followUpOn",
                                        LocalDate.now(clock).plusDays(3).toString()))
                        .getBody())
                .containsEntry("status", "WATCHED");
        var promoted = police.post("/api/signals/" + crowdId + "/promote", Map.of("as", "INCIDENT"));
        assertThat(promoted.getStatusCode().value()).isEqualTo(201);
        String incident = (String) promoted.getBody().get("code");
        Map<String, Object> detail = police.get("/api/cases/" + incident).getBody();
        assertThat(detail)
                .containsEntry("type", "INCIDENT")
                .containsEntry("location", "Tổ 7, phường Minh Xuân")
                .containsEntry("unitId", (int) CA_MINHXUAN)
                .containsEntry("crowdSize", 25);
        assertThat((Map<String, Object>) detail.get("incident")).containsEntry("detectedBy", "SIGNAL");
        assertThat(police.get("/api/signals/" + crowdId).getBody())
                .containsEntry("status", "PROMOTED")
                .containsEntry("caseCode", incident);
        // the other agency tried the same at once: it has been dealt with
        assertThat(new Api(rest, "officer.danvan.minhxuan")
                        .post("/api/signals/" + crowdId + "/promote", Map.of("as", "PETITION"))
                        .getStatusCode()
                        .value())
                .isEqualTo(409);
        assertThat((List<Map<String, Object>>) (List<?>) rest.withBasicAuth("officer.danvan.minhxuan", "demo")
                        .getForObject("/api/signals/" + crowdId + "/history", List.class))
                .extracting(e -> e.get("action"))
                .containsExactly("REPORTED", "WATCHED", "PROMOTED");
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_entry where action = 'SIGNAL_PROMOTED' and case_code = ?",
                        Integer.class,
                        incident))
                .isOne();

        // a grievance names who raised it: the signal's source by default
        var petition = commune.post("/api/signals/" + signals.get(1) + "/promote", Map.of("as", "PETITION"));
        assertThat(petition.getStatusCode().value()).isEqualTo(201);
        assertThat(petition.getBody().get("code").toString()).matches("VV-\\d{4}-\\d{6}");
        assertThat(fields(commune.post("/api/signals/" + signals.get(2) + "/promote", Map.of("as", "PETITION"))
                        .getBody()))
                .containsExactly("petitioner");

        // link to an existing case; dismiss with a reason; nothing more once dealt with
        assertThat(fields(commune.post("/api/signals/" + signals.get(2) + "/link", Map.of("caseCode", "VV-1999-000001"))
                        .getBody()))
                .containsExactly("caseCode");
        assertThat(commune.post("/api/signals/" + signals.get(2) + "/link", Map.of("caseCode", incident))
                        .getBody())
                .containsEntry("status", "LINKED")
                .containsEntry("caseCode", incident);
        assertThat(fields(commune.post("/api/signals/" + signals.get(3) + "/dismiss", Map.of("reason", "x"))
                        .getBody()))
                .containsExactly("reason");
        assertThat(commune.post(
                                "/api/signals/" + signals.get(3) + "/dismiss",
                                Map.of("reason", "Đã được Ban quản lý chợ giải thích, không còn bức xúc."))
                        .getBody())
                .containsEntry("status", "DISMISSED");
        assertThat(commune.post(
                                "/api/signals/" + signals.get(3) + "/watch",
                                Map.of("followUpOn", LocalDate.now(clock).toString()))
                        .getStatusCode()
                        .value())
                .isEqualTo(409);
        assertThat(ids(police.get("/api/signals?unitId=" + DV_MINHXUAN + "&status=DISMISSED&size=100")
                        .getBody()))
                .contains(signals.get(3))
                .doesNotContain(signals.get(0));
    }

    ResponseEntity<Map<String, Object>> upload(Api api, Number signal, String name, byte[] bytes) {
        LinkedMultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("file", new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return name;
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return api.post("/api/signals/" + signal + "/photos", body, headers);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSignalCarriesPhotosCheckedByTheirContentAndSeenOnlyWhereTheSignalIs() throws Exception {
        Api commune = new Api(rest, "officer.danvan.minhxuan");
        Number signal = signalIds(commune.post(
                                "/api/situation-reports",
                                report(
                                        DV_MINHXUAN,
                                        List.of(signal(
                                                "ENVIRONMENT",
                                                "Suối tổ 11",
                                                0,
                                                "MEDIUM",
                                                "Nước suối đổi màu, nghi xả thải."))))
                        .getBody())
                .get(0);
        byte[] png;
        try (var in = getClass().getResourceAsStream("/static/img/icon-192.png")) {
            png = in.readAllBytes();
        }
        // a picture named as a document is still a picture; a text named as a picture is refused
        var added = upload(commune, signal, "hien-truong.pdf", png);
        assertThat(added.getStatusCode().value()).isEqualTo(201);
        assertThat(added.getBody()).containsEntry("contentType", "image/png").containsEntry("size", png.length);
        assertThat(fields(upload(commune, signal, "anh.jpg", "không phải ảnh".getBytes())
                        .getBody()))
                .containsExactly("file");
        // the other agency of the ward sees it, byte for byte; a designer may not add one
        var bytes = rest.withBasicAuth("officer.congan.minhxuan", "demo")
                .getForEntity(
                        "/api/signals/" + signal + "/photos/" + added.getBody().get("id"), byte[].class);
        assertThat(bytes.getStatusCode().value()).isEqualTo(200);
        assertThat(bytes.getHeaders().getContentType().toString()).isEqualTo("image/png");
        assertThat(bytes.getBody()).isEqualTo(png);
        assertThat((List<Map<String, Object>>) (List<?>) rest.withBasicAuth("officer.congan", "demo")
                        .getForObject("/api/signals/" + signal + "/photos", List.class))
                .hasSize(1);
        assertThat(upload(new Api(rest, "designer"), signal, "a.png", png)
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        assertThat((List<Map<String, Object>>) (List<?>) rest.withBasicAuth("officer.danvan.minhxuan", "demo")
                        .getForObject("/api/signals/" + signal + "/history", List.class))
                .extracting(e -> e.get("action"))
                .containsExactly("REPORTED", "PHOTO_ADDED");
    }

    @Test
    void badReportsAreRefusedFieldByFieldAndAnotherCommunesSignalsStayUnseen() {
        Api commune = new Api(rest, "officer.danvan.minhxuan");
        Map<String, Object> bad = new HashMap<>(report(CA_MINHXUAN, List.of(Map.of("place", "x".repeat(301)))));
        bad.put("assessment", null);
        var refused = commune.post("/api/situation-reports", bad);
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(fields(refused.getBody()))
                .containsExactlyInAnyOrder(
                        "unitId",
                        "assessment",
                        "signals[0].category",
                        "signals[0].risk",
                        "signals[0].place",
                        "signals[0].description");
        assertThat(new Api(rest, "designer")
                        .post("/api/situation-reports", report(DV_MINHXUAN, List.of()))
                        .getStatusCode()
                        .value())
                .isEqualTo(403);

        // the province's Dân vận files for Yên Sơn: Minh Xuân's officers do not see it, the province's police do
        var yenSon = new Api(rest, "officer.danvan")
                .post(
                        "/api/situation-reports",
                        report(
                                DV_YENSON,
                                List.of(signal(
                                        "ENVIRONMENT", "Thôn 5", 40, "CRITICAL", "Cá chết hàng loạt ở suối thôn 5."))));
        assertThat(yenSon.getStatusCode().value()).isEqualTo(201);
        Number id = signalIds(yenSon.getBody()).get(0);
        assertThat(new Api(rest, "officer.congan.minhxuan")
                        .get("/api/signals/" + id)
                        .getStatusCode()
                        .value())
                .isEqualTo(404);
        assertThat(ids(new Api(rest, "officer.congan.minhxuan")
                        .get("/api/signals?size=100")
                        .getBody()))
                .doesNotContain(id);
        assertThat(new Api(rest, "officer.congan").get("/api/signals/" + id).getBody())
                .containsEntry("risk", "CRITICAL")
                .containsEntry("agency", "DANVAN");
    }

    String caseOf(Api api, String type, String name, String idNumber, String phone) {
        Map<String, Object> body = new HashMap<>();
        body.put("type", type);
        body.put("channel", "RECEPTION");
        body.put("title", "Vụ việc của " + name);
        body.put("description", "Nội dung vụ việc phục vụ kiểm thử người liên quan của tin tình hình.");
        body.put("unitId", CA_MINHXUAN);
        body.put("crowdSize", 1);
        Map<String, Object> person = new HashMap<>();
        person.put("fullName", name);
        person.put("idNumber", idNumber);
        person.put("phone", phone);
        person.put("address", "Phường Minh Xuân");
        body.put("petitioners", List.of(person));
        var created = api.post("/api/cases", body);
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        return (String) created.getBody().get("code");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSignalNamesItsPeopleTheirEarlierCasesShowButNeverADenouncersAndPromotionBringsThemIn() {
        Api police = new Api(rest, "officer.congan.minhxuan");
        // an earlier complaint by the same person (phone typed differently), and a denunciation whose denouncer has
        // the number of the second person: a denouncer is never found through a signal
        String earlier = caseOf(police, "COMPLAINT", "Đặng Văn Lực", "036089001122", "+84 913 444 555");
        String denounced = caseOf(police, "DENUNCIATION", "Người tố cáo", "036090009988", null);

        Map<String, Object> named =
                signal("LAND", "Tổ 9", 3, "MEDIUM", "Ông Lực và hộ bên cạnh lại bàn việc khiếu nại.");
        named.put(
                "petitioners",
                List.of(
                        Map.of("fullName", "Đặng Văn Lực", "phone", "0913.444.555"),
                        Map.of("fullName", "Lý Thị Hạnh", "idNumber", "036 090 009 988")));
        var created = police.post("/api/situation-reports", report(CA_MINHXUAN, List.of(named)));
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        Number id = signalIds(created.getBody()).get(0);

        // Dân vận sees the signal and its people, but not the police's case: only cases the reader may open show
        Map<String, Object> seenByDanvan = new Api(rest, "officer.danvan.minhxuan")
                .get("/api/signals/" + id + "/petitioners")
                .getBody();
        assertThat((List<Map<String, Object>>) seenByDanvan.get("petitioners")).hasSize(2);
        assertThat((List<Map<String, Object>>) seenByDanvan.get("earlierCases"))
                .noneMatch(c -> earlier.equals(c.get("code")));
        Map<String, Object> people =
                police.get("/api/signals/" + id + "/petitioners").getBody();
        assertThat((List<Map<String, Object>>) people.get("petitioners"))
                .extracting(p -> p.get("fullName") + "|" + p.get("idNumber") + "|" + p.get("phone"))
                .containsExactly("Đặng Văn Lực|null|0913444555", "Lý Thị Hạnh|036090009988|null");
        List<String> earlierCodes = ((List<Map<String, Object>>) people.get("earlierCases"))
                .stream().map(c -> (String) c.get("code")).toList();
        assertThat(earlierCodes).contains(earlier).doesNotContain(denounced);
        String page = rest.withBasicAuth("officer.congan.minhxuan", "demo")
                .getForObject("/situation/signals/" + id, String.class);
        assertThat(page).contains("id=\"earlier-cases\"").contains(earlier).doesNotContain(denounced);

        // promoted to a complaint: the people the signal names are its petitioners, with their numbers
        var promoted = police.post("/api/signals/" + id + "/promote", Map.of("as", "COMPLAINT"));
        assertThat(promoted.getStatusCode().value()).isEqualTo(201);
        Map<String, Object> complaint =
                police.get("/api/cases/" + promoted.getBody().get("code")).getBody();
        assertThat((List<Map<String, Object>>) complaint.get("petitioners"))
                .extracting(p -> (String) p.get("fullName"))
                .containsExactly("Đặng Văn Lực", "Lý Thị Hạnh");

        // a number that is neither an ID nor a phone is refused on its field
        Map<String, Object> bad = signal("LAND", "Tổ 9", 1, "LOW", "Tin có số giấy tờ sai.");
        bad.put("petitioners", List.of(Map.of("fullName", "Ai đó", "idNumber", "12345", "phone", "abc")));
        var refused = police.post("/api/situation-reports", report(CA_MINHXUAN, List.of(bad)));
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(fields(refused.getBody()))
                .contains("signals[0].petitioners[0].idNumber", "signals[0].petitioners[0].phone");
    }
}
