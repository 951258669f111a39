package vn.tandem.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.tandem.process.TandemClock;
import vn.tandem.support.Api;
import vn.tandem.support.TandemIntegrationTest;

/**
 * Idempotency-Key on the API's writes: the same key and body replay the first answer (the same case, 201) and create
 * nothing; the same key with another body is refused with 422; a key is the caller's own; a bad key is a 400; two
 * requests with one key at once create one case; keys outlive a day and are then purged.
 */
@TandemIntegrationTest
class IdempotencyIT {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    IdempotencyRecords records;

    @Autowired
    TandemClock clock;

    static Map<String, Object> body(String title) {
        Map<String, Object> body = new HashMap<>();
        body.put("type", "PETITION");
        body.put("channel", "HOTLINE");
        body.put("title", title);
        body.put("description", "Kiểm tra khóa chống gửi trùng.");
        body.put("unitId", 1);
        body.put("petitioners", List.of(Map.of("fullName", "Trần Thị B", "phone", Api.freshPhone())));
        return body;
    }

    static HttpHeaders key(String key) {
        HttpHeaders headers = new HttpHeaders();
        headers.set("Idempotency-Key", key);
        return headers;
    }

    int cases(String title) {
        return jdbc.queryForObject("select count(*) from cases where title = ?", Integer.class, title);
    }

    @Test
    void theSameKeyAndBodyReplayTheFirstAnswerAndCreateNothing() {
        Api officer = new Api(rest, "officer.danvan");
        String key = UUID.randomUUID().toString();
        String title = "Kiến nghị gửi lại sau khi mất kết nối " + key;
        Map<String, Object> body = body(title);
        ResponseEntity<Map<String, Object>> first = officer.post("/api/cases", body, key(key));
        ResponseEntity<Map<String, Object>> again = officer.post("/api/cases", body, key(key));
        assertThat(first.getStatusCode().value()).isEqualTo(201);
        assertThat(again.getStatusCode().value()).isEqualTo(201);
        assertThat(again.getBody().get("code")).isEqualTo(first.getBody().get("code"));
        assertThat(again.getHeaders().getLocation())
                .isEqualTo(first.getHeaders().getLocation());
        assertThat(again.getHeaders().getFirst("Idempotency-Replayed")).isEqualTo("true");
        assertThat(cases(title)).isEqualTo(1);

        Map<String, Object> other = body(title + " (khác)");
        var mismatch = officer.post("/api/cases", other, key(key));
        assertThat(mismatch.getStatusCode().value()).isEqualTo(422);
        assertThat(mismatch.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(cases(title + " (khác)")).isZero();

        // a key is the caller's own: another user's request with it is a new request
        Map<String, Object> theirs = body(title + " (B)");
        theirs.put("unitId", 2);
        var someoneElse = new Api(rest, "officer.congan").post("/api/cases", theirs, key(key));
        assertThat(someoneElse.getStatusCode().value()).isEqualTo(201);

        assertThat(officer.post("/api/cases", body, key("two words"))
                        .getStatusCode()
                        .value())
                .isEqualTo(400);
        assertThat(officer.post("/api/cases", body, key("x".repeat(201)))
                        .getStatusCode()
                        .value())
                .isEqualTo(400);
    }

    @Test
    void aRefusedRequestLeavesTheKeyFreeForTheCorrectedOne() {
        Api officer = new Api(rest, "officer.danvan");
        String key = UUID.randomUUID().toString();
        Map<String, Object> bad = body("");
        assertThat(officer.post("/api/cases", bad, key(key)).getStatusCode().value())
                .isEqualTo(400);
        assertThat(officer.post("/api/cases", bad, key(key)).getStatusCode().value())
                .isEqualTo(400);
        String title = "Đã sửa " + key;
        assertThat(officer.post("/api/cases", body(title), key(key))
                        .getStatusCode()
                        .value())
                .isEqualTo(201);
        assertThat(cases(title)).isEqualTo(1);
    }

    @Test
    void twoRequestsWithOneKeyAtOnceCreateOneCase() throws Exception {
        Api officer = new Api(rest, "officer.danvan");
        String key = UUID.randomUUID().toString();
        String title = "Kiến nghị bấm gửi hai lần " + key;
        Map<String, Object> body = body(title);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<ResponseEntity<Map<String, Object>>>> answers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            answers.add(pool.submit(() -> officer.post("/api/cases", body, key(key))));
        }
        List<Integer> statuses = new ArrayList<>();
        for (var answer : answers) {
            statuses.add(answer.get().getStatusCode().value());
        }
        pool.shutdown();
        assertThat(statuses).allMatch(s -> s == 201 || s == 409).contains(201);
        assertThat(cases(title)).isEqualTo(1);
    }

    @Test
    void keysAreKeptForADayThenPurged() {
        Api officer = new Api(rest, "officer.danvan");
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = body("Kiến nghị kiểm tra thời hạn lưu khóa " + key);
        assertThat(officer.post("/api/cases", body, key(key)).getStatusCode().value())
                .isEqualTo(201);
        try {
            clock.advance(java.time.Duration.ofHours(23));
            records.purge();
            assertThat(officer.post("/api/cases", body, key(key)).getHeaders().getFirst("Idempotency-Replayed"))
                    .isEqualTo("true");
            clock.advance(java.time.Duration.ofDays(3));
            records.purge();
            assertThat(jdbc.queryForObject(
                            "select count(*) from idempotency_record where idem_key = ?", Integer.class, key))
                    .isZero();
        } finally {
            clock.reset();
        }
    }
}
