package vn.tandem.citizen;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import vn.tandem.process.TandemClock;
import vn.tandem.support.Api;
import vn.tandem.support.TandemIntegrationTest;

/**
 * A citizen looks up their matter without signing in: the code and the phone given at intake (typed in any usual
 * format) show the status, the step in plain words and its due date, and nothing else; a wrong code and a wrong
 * phone answer exactly alike; look-ups are limited per client and per code, and every one is audited.
 */
@TandemIntegrationTest
class CitizenStatusIT {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TandemClock clock;

    @AfterEach
    void realTime() {
        org.camunda.bpm.engine.impl.util.ClockUtil.reset();
    }

    ResponseEntity<Map<String, Object>> lookUp(String code, String phone) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.exchange(
                "/api/public/status",
                HttpMethod.POST,
                new HttpEntity<>(Map.of("code", code, "phone", phone), headers),
                Api.JSON);
    }

    /** Each test its own minute, so the per-address limit starts afresh. */
    void minute(String at) {
        clock.setTime(Instant.parse(at));
    }

    @Test
    void theRightCodeAndPhoneShowTheStepAndItsDueDateAndNothingElse() {
        minute("2026-11-28T02:00:05Z");
        String code = new Api(rest, "officer.danvan.minhxuan")
                .createCase(3, "COMPLAINT", "Khiếu nại về lối đi chung", "0912345678");
        ResponseEntity<Map<String, Object>> found = lookUp(code.toLowerCase(), "+84 912 345 678");
        assertThat(found.getStatusCode().value()).isEqualTo(200);
        assertThat(found.getBody())
                .containsEntry("code", code)
                .containsEntry("status", "RECEIVED")
                .containsEntry("statusText", "Đã tiếp nhận, đang xem xét thụ lý")
                .containsEntry("step", "ACCEPT")
                .containsEntry("stepText", "Xem xét thụ lý đơn")
                .containsKey("due");
        assertThat(found.getBody().get("due")).isNotNull();
        assertThat(found.getBody().toString())
                .doesNotContain("Nguyễn Văn A")
                .doesNotContain("lối đi")
                .doesNotContain("0912345678");

        ResponseEntity<Map<String, Object>> wrongPhone = lookUp(code, "0999999999");
        ResponseEntity<Map<String, Object>> wrongCode = lookUp("VV-2026-999999", "0912345678");
        assertThat(wrongPhone.getStatusCode().value()).isEqualTo(404);
        assertThat(wrongCode.getStatusCode().value()).isEqualTo(404);
        assertThat(wrongPhone.getBody().get("detail"))
                .isEqualTo(wrongCode.getBody().get("detail"));
        assertThat(wrongPhone.getBody().get("title"))
                .isEqualTo(wrongCode.getBody().get("title"));
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_entry where action = 'STATUS_LOOKUP' and case_code = ?",
                        Long.class,
                        code))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_entry where action = 'STATUS_LOOKUP' and case_code is null",
                        Long.class))
                .isGreaterThanOrEqualTo(2);
        assertThat(rest.postForEntity("/api/public/status", Map.of("code", code), String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(400);
    }

    @Test
    void thePublicPageAnswersAWrongCodeAndAWrongPhoneAlikeAndLimitsLookUps() {
        minute("2026-11-28T02:10:05Z");
        String code =
                new Api(rest, "officer.danvan.minhxuan").createCase(3, "PETITION", "Kiến nghị sửa đường", "0912345678");
        assertThat(rest.getForEntity("/public/status", String.class).getBody())
                .contains("Tra cứu tình trạng giải quyết");
        ResponseEntity<String> found = page(code, "0912.345.678");
        assertThat(found.getStatusCode().value()).isEqualTo(200);
        assertThat(found.getBody()).contains("id=\"status-answer\"").contains("Xem xét thụ lý đơn");
        ResponseEntity<String> wrongPhone = page(code, "0911111111");
        ResponseEntity<String> wrongCode = page("VV-2020-000001", "0912345678");
        assertThat(wrongPhone.getStatusCode().value()).isEqualTo(404);
        assertThat(strip(wrongPhone.getBody(), code)).isEqualTo(strip(wrongCode.getBody(), "VV-2020-000001"));

        // ten a minute from one address: the eleventh is refused, and still audited
        for (int i = 0; i < 7; i++) {
            page(code, "0900000000");
        }
        ResponseEntity<String> refused = page(code, "0912345678");
        assertThat(refused.getStatusCode().value()).isEqualTo(429);
        assertThat(refused.getBody()).contains("quá nhiều lần");
        assertThat(lookUp(code, "0912345678").getStatusCode().value()).isEqualTo(429);
        minute("2026-11-28T02:11:05Z");
        assertThat(page(code, "0912345678").getStatusCode().value())
                .as("a new minute, but the code has had its ten look-ups this hour")
                .isEqualTo(429);
        minute("2026-11-28T03:00:05Z");
        assertThat(page(code, "0912345678").getStatusCode().value()).isEqualTo(200);
    }

    ResponseEntity<String> page(String code, String phone) {
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("code", code);
        form.add("phone", phone);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        return rest.exchange("/public/status", HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
    }

    /** A page without the code the citizen typed (echoed in the form) is the same page. */
    static String strip(String body, String code) {
        return body.replace(code, "");
    }
}
