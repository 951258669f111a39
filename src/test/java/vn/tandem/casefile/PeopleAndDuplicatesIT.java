package vn.tandem.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.tandem.support.Api;
import vn.tandem.support.TandemIntegrationTest;

/**
 * The same citizen is one person however their name and phone are typed; the same matter filed at a higher level
 * or with the other agency is linked to the case handling it and both leads are told, and only a filing above the
 * handling unit's area is a level-skipping complaint; a confidential denouncer is never matched into another
 * agency's view; candidates at the same level are shown with the reason and linked in one call.
 */
@TandemIntegrationTest
class PeopleAndDuplicatesIT {

    static final long DV_TINH = 1;
    static final long DV_MINHXUAN = 3;
    static final long CA_MINHXUAN = 4;

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcTemplate jdbc;

    static String freshId() {
        return "%012d".formatted(Long.parseLong(Api.freshPhone().substring(2)) + 500_000_000_000L);
    }

    String file(String user, long unitId, String type, String title, String name, String idNumber, String phone) {
        Map<String, Object> petitioner = new HashMap<>();
        petitioner.put("fullName", name);
        petitioner.put("idNumber", idNumber);
        petitioner.put("phone", phone);
        Map<String, Object> body = new HashMap<>();
        body.put("type", type);
        body.put("channel", "RECEPTION");
        body.put("title", title);
        body.put("description", "Đề nghị giải quyết dứt điểm.");
        body.put("unitId", unitId);
        body.put("petitioners", List.of(petitioner));
        var created = new Api(rest, user).post("/api/cases", body);
        assertThat(created.getStatusCode().value()).as(created.toString()).isEqualTo(201);
        return (String) created.getBody().get("code");
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> caseOf(String user, String code) {
        return new Api(rest, user).get("/api/cases/" + code).getBody();
    }

    long notices(String user, String code) {
        return jdbc.queryForObject(
                "select count(*) from notification where recipient = ? and kind = 'SAME_MATTER' and case_code = ?",
                Long.class,
                user,
                code);
    }

    long personOf(String code) {
        return jdbc.queryForObject(
                "select p.person_id from petitioner p join cases c on c.id = p.case_id where c.code = ? and p.position = 0",
                Long.class,
                code);
    }

    @Test
    void theSameCitizenFilingAtTheProvinceIsLinkedToTheCommuneCaseAndSkipsLevels() {
        String id = freshId();
        String phone = Api.freshPhone();
        String commune = file(
                "officer.danvan.minhxuan",
                DV_MINHXUAN,
                "COMPLAINT",
                "Khiếu nại việc cấp giấy chứng nhận thửa đất 112",
                "Nguyễn Văn Tám",
                id,
                phone);
        // at the province, without the ID, the name reordered without diacritics and the phone as +84
        String province = file(
                "officer.danvan",
                DV_TINH,
                "COMPLAINT",
                "Khiếu nại cấp giấy chứng nhận đất",
                "TAM Nguyen van",
                null,
                "+84 " + phone.substring(1, 4) + " " + phone.substring(4));
        assertThat(personOf(province)).isEqualTo(personOf(commune));
        Map<String, Object> p = caseOf("officer.danvan", province);
        assertThat(p).containsEntry("levelSkipping", true).containsEntry("hotspot", true);
        assertThat(caseOf("officer.danvan.minhxuan", commune)).containsEntry("levelSkipping", false);
        assertThat(jdbc.queryForObject(
                        "select count(*) from case_link l join cases a on a.id = l.case_id join cases b on b.id = l.related_case_id"
                                + " where a.code = ? and b.code = ? and l.kind = 'SAME_MATTER'",
                        Long.class,
                        province,
                        commune))
                .isEqualTo(1);
        assertThat(notices("officer.danvan.minhxuan", commune))
                .as("the commune case's lead is told")
                .isEqualTo(1);
        assertThat(notices("supervisor.danvan.minhxuan", commune)).isEqualTo(1);
        assertThat(notices("officer.danvan", province)).isEqualTo(1);

        // the person's page: the province officer sees both cases, the commune officer only theirs
        long person = personOf(commune);
        Map<String, Object> seenAbove =
                new Api(rest, "officer.danvan").get("/api/people/" + person).getBody();
        assertThat((List<Map<String, Object>>) seenAbove.get("cases"))
                .extracting(c -> c.get("code"))
                .containsExactlyInAnyOrder(commune, province);
        assertThat(seenAbove.get("phoneEnd")).isEqualTo("…" + phone.substring(7));
        assertThat(seenAbove.toString()).doesNotContain(id);
        Map<String, Object> seenBelow = new Api(rest, "officer.danvan.minhxuan")
                .get("/api/people/" + person)
                .getBody();
        assertThat((List<Map<String, Object>>) seenBelow.get("cases"))
                .extracting(c -> c.get("code"))
                .containsExactly(commune);
        assertThat(new Api(rest, "designer")
                        .get("/api/people/" + person)
                        .getStatusCode()
                        .value())
                .isEqualTo(404);

        // the other agency at the same commune: linked and told, not level-skipping
        String police = file(
                "officer.congan.minhxuan",
                CA_MINHXUAN,
                "PETITION",
                "Kiến nghị về tranh chấp đất",
                "Nguyễn Văn Tám",
                id,
                null);
        assertThat(caseOf("officer.congan.minhxuan", police)).containsEntry("levelSkipping", false);
        assertThat(notices("officer.congan.minhxuan", police))
                .as("one notice naming both linked cases")
                .isEqualTo(1);
        assertThat(notices("officer.danvan.minhxuan", commune)).isEqualTo(2);
        Map<String, Object> elsewhere = new Api(rest, "officer.congan.minhxuan")
                .get("/api/cases/" + police + "/duplicates")
                .getBody();
        assertThat(((Number) elsewhere.get("elsewhere")).longValue()).isZero();
    }

    @Test
    void aConfidentialDenouncerIsNeverMatchedIntoTheOtherAgency() {
        String id = freshId();
        String denunciation = file(
                "officer.danvan.minhxuan",
                DV_MINHXUAN,
                "DENUNCIATION",
                "Tố cáo cán bộ địa chính thu tiền sai quy định",
                "Lê Thị Tố",
                id,
                Api.freshPhone());
        String police = file(
                "officer.congan.minhxuan", CA_MINHXUAN, "COMPLAINT", "Khiếu nại việc xử phạt", "Lê Thị Tố", id, null);
        assertThat(personOf(police)).isEqualTo(personOf(denunciation));
        assertThat(notices("officer.congan.minhxuan", police)).isZero();
        assertThat(jdbc.queryForObject(
                        "select count(*) from case_link l join cases c on c.id in (l.case_id, l.related_case_id) where c.code = ?",
                        Long.class,
                        police))
                .isZero();
        Map<String, Object> seen = new Api(rest, "officer.congan.minhxuan")
                .get("/api/people/" + personOf(police))
                .getBody();
        assertThat((List<Map<String, Object>>) seen.get("cases"))
                .extracting(c -> c.get("code"))
                .containsExactly(police);
        Map<String, Object> dup = new Api(rest, "officer.congan.minhxuan")
                .get("/api/cases/" + police + "/duplicates")
                .getBody();
        assertThat(((Number) dup.get("elsewhere")).longValue())
                .as("not even counted")
                .isZero();
    }

    @Test
    @SuppressWarnings("unchecked")
    void candidatesAtTheSameLevelAreShownWithTheReasonAndLinkedInOneCall() {
        String phone = Api.freshPhone();
        String first = file(
                "officer.danvan.minhxuan",
                DV_MINHXUAN,
                "PETITION",
                "Kiến nghị sửa chữa cầu treo thôn 5",
                "Hoàng Văn Sơn",
                null,
                phone);
        String second = file(
                "officer.danvan.minhxuan",
                DV_MINHXUAN,
                "PETITION",
                "Đề nghị sửa cầu treo thôn 5 bị hỏng",
                "Hoàng Văn Sơn",
                null,
                phone);
        assertThat(caseOf("officer.danvan.minhxuan", second)).containsEntry("levelSkipping", false);
        Api officer = new Api(rest, "officer.danvan.minhxuan");
        Map<String, Object> dup =
                officer.get("/api/cases/" + second + "/duplicates").getBody();
        List<Map<String, Object>> candidates = (List<Map<String, Object>>) dup.get("candidates");
        Map<String, Object> candidate = candidates.stream()
                .filter(c -> first.equals(c.get("code")))
                .findFirst()
                .orElseThrow();
        assertThat((List<String>) candidate.get("reasons")).contains("SAME_PHONE", "SIMILAR_SUBJECT");
        assertThat(candidate).containsEntry("level", "SAME");
        var linked = officer.post("/api/cases/" + second + "/links", Map.of("related", first));
        assertThat(linked.getStatusCode().value()).isEqualTo(200);
        assertThat((List<String>) linked.getBody().get("related")).contains(first);
        assertThat(((List<Map<String, Object>>) officer.get("/api/cases/" + second + "/duplicates")
                                .getBody()
                                .get("candidates"))
                        .stream().map(c -> c.get("code")))
                .doesNotContain(first);
        assertThat(officer.post("/api/cases/" + second + "/links", Map.of("related", second))
                        .getStatusCode()
                        .value())
                .isEqualTo(400);
        assertThat(new Api(rest, "officer.congan.minhxuan")
                        .post("/api/cases/" + second + "/links", Map.of("related", first))
                        .getStatusCode()
                        .value())
                .isEqualTo(404);
    }

    @Test
    void namesAndPhonesMatchHoweverTheyAreTyped() {
        assertThat(PersonRegistry.nameKey("Nguyễn Văn Tám"))
                .isEqualTo(PersonRegistry.nameKey("TÁM nguyen  van"))
                .isEqualTo(PersonRegistry.nameKey("Nguyen Van Tam"))
                .isEqualTo("nguyen tam van");
        assertThat(PersonRegistry.nameKey("Đặng Thị Hạnh")).isEqualTo("dang hanh thi");
        assertThat(PersonRegistry.nameKey("Nguyễn Văn Tám")).isNotEqualTo(PersonRegistry.nameKey("Nguyễn Văn Tâm Anh"));
        assertThat(Duplicates.similarity(
                        Duplicates.words("Kiến nghị sửa chữa cầu treo thôn 5"),
                        Duplicates.words("Đề nghị sửa cầu treo thôn 5 bị hỏng")))
                .isGreaterThanOrEqualTo(Duplicates.SIMILAR);
        assertThat(Duplicates.ancestors("/1/3/")).containsExactly("/1/");
        assertThat(Duplicates.ancestors("/1/")).containsExactly("/1/");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aLetterWithSeveralMattersIsSplitIntoLinkedCases() {
        Api officer = new Api(rest, "officer.danvan.minhxuan");
        String letter = file(
                "officer.danvan.minhxuan",
                DV_MINHXUAN,
                "PETITION",
                "Đơn kiến nghị nhiều nội dung",
                "Vũ Thị Mai",
                null,
                Api.freshPhone());
        var split = officer.post(
                "/api/cases/" + letter + "/split",
                Map.of("titles", List.of("Kiến nghị sửa đường thôn 2", "", "Phản ánh tiếng ồn xưởng gỗ")));
        assertThat(split.getStatusCode().value()).isEqualTo(201);
        List<String> codes = (List<String>) split.getBody().get("codes");
        assertThat(codes).hasSize(2);
        for (String code : codes) {
            Map<String, Object> c = caseOf("officer.danvan.minhxuan", code);
            assertThat(c)
                    .containsEntry("type", "PETITION")
                    .containsEntry("unitId", 3)
                    .containsEntry("status", "RECEIVED");
            assertThat(personOf(code)).isEqualTo(personOf(letter));
        }
        assertThat(jdbc.queryForObject(
                        "select count(*) from case_link l join cases c on c.id = l.related_case_id where c.code = ? and l.kind = 'SPLIT_FROM'",
                        Long.class,
                        letter))
                .isEqualTo(2);
        assertThat(officer.post("/api/cases/" + letter + "/split", Map.of("titles", List.of(" ")))
                        .getStatusCode()
                        .value())
                .isEqualTo(400);
        assertThat(new Api(rest, "officer.congan.minhxuan")
                        .post("/api/cases/" + letter + "/split", Map.of("titles", List.of("X")))
                        .getStatusCode()
                        .value())
                .isEqualTo(404);
    }
}
