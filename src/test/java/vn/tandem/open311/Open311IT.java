package vn.tandem.open311;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
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
import org.springframework.util.MultiValueMap;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import vn.tandem.process.TandemClock;
import vn.tandem.support.Api;
import vn.tandem.support.TandemIntegrationTest;

/**
 * Open311 GeoReport v2 from a 311 app's side: the specification's documented responses (docs/open311.md) are the
 * fixtures every answer is checked against, in JSON and XML; filing makes a case in the commune the address names;
 * reading shows its status without names or a denunciation's content; keys are required, limited per minute and
 * audited; bad input answers the specification's errors.
 */
@TandemIntegrationTest
class Open311IT {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Pattern DATETIME = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(Z|[+-]\\d{2}:\\d{2})$");

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TandemClock clock;

    @AfterEach
    void realTime() {
        clock.setTime(Instant.now());
        org.camunda.bpm.engine.impl.util.ClockUtil.reset();
    }

    /** The fixtures of docs/open311.md by name. */
    static Map<String, String> fixtures() throws Exception {
        String doc = Files.readString(Path.of("docs/open311.md"));
        Matcher m = Pattern.compile("<!-- fixture: ([a-z.]+) -->\\s*```[a-z]*\\n(.*?)```", Pattern.DOTALL)
                .matcher(doc);
        Map<String, String> out = new HashMap<>();
        while (m.find()) {
            out.put(m.group(1), m.group(2));
        }
        assertThat(out).hasSize(12);
        return out;
    }

    String key(int perMinute) {
        var issued = new Api(rest, "admin")
                .post(
                        "/api/admin/open311-keys",
                        Map.of("name", "Ứng dụng phản ánh " + System.nanoTime(), "perMinute", perMinute));
        assertThat(issued.getStatusCode().value()).isEqualTo(201);
        return (String) issued.getBody().get("secret");
    }

    ResponseEntity<String> post(String format, MultiValueMap<String, String> form) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        return rest.exchange(
                "/open311/v2/requests." + format, HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
    }

    ResponseEntity<String> get(String path) {
        return rest.getForEntity(path, String.class);
    }

    static MultiValueMap<String, String> form(String key, String service, String... pairs) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        if (key != null) {
            form.add("api_key", key);
        }
        form.add("service_code", service);
        for (int i = 0; i < pairs.length; i += 2) {
            form.add(pairs[i], pairs[i + 1]);
        }
        return form;
    }

    // ---- shapes ----

    /** A JSON value's shape: objects by their field names, arrays by their first item, scalars by their kind. */
    static Object shape(JsonNode n) {
        if (n.isObject()) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                m.put(f, shape(n.get(f)));
            }
            return m;
        }
        if (n.isArray()) {
            return n.isEmpty() ? List.of() : List.of(shape(n.get(0)));
        }
        if (n.isNull()) {
            return "null";
        }
        if (n.isTextual() && DATETIME.matcher(n.asText()).matches()) {
            return "datetime";
        }
        return n.isNumber() ? "number" : n.isBoolean() ? "boolean" : "string";
    }

    /** Ours has the fixture's shape: the same fields, nested alike, each value of the same kind or absent (null). */
    static void sameShape(String where, Object fixture, Object ours, Set<String> extras) {
        if (fixture instanceof Map<?, ?> f) {
            assertThat(ours).as(where).isInstanceOf(Map.class);
            Map<?, ?> o = (Map<?, ?>) ours;
            Set<Object> expected = new java.util.LinkedHashSet<>(f.keySet());
            Set<Object> actual = new java.util.LinkedHashSet<>(o.keySet());
            actual.removeAll(extras);
            assertThat(actual).as(where + " fields").containsExactlyInAnyOrderElementsOf(expected);
            f.forEach((k, v) -> sameShape(where + "." + k, v, o.get(k), extras));
        } else if (fixture instanceof List<?> f) {
            assertThat(ours).as(where).isInstanceOf(List.class);
            List<?> o = (List<?>) ours;
            assertThat(o).as(where + " items").isNotEmpty();
            if (!f.isEmpty()) {
                sameShape(where + "[0]", f.get(0), o.get(0), extras);
            }
        } else if (!"null".equals(fixture) && !"null".equals(ours)) {
            assertThat(ours).as(where + " kind").isEqualTo(fixture);
        }
    }

    /** An XML document's shape: each element by its children's names (first of repeated ones), leaves as text kinds. */
    static Object xmlShape(String xml) throws Exception {
        var doc = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.strip().getBytes(StandardCharsets.UTF_8)));
        Element root = doc.getDocumentElement();
        return Map.of(root.getTagName(), xmlShape(root));
    }

    static Object xmlShape(Element e) {
        Map<String, Object> children = new LinkedHashMap<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && !children.containsKey(c.getTagName())) {
                children.put(c.getTagName(), xmlShape(c));
            }
        }
        if (!children.isEmpty()) {
            return children;
        }
        String text = e.getTextContent().strip();
        return text.isEmpty() ? "null" : DATETIME.matcher(text).matches() ? "datetime" : "text";
    }

    void conforms(String fixture, ResponseEntity<String> ours, Set<String> extras) throws Exception {
        Map<String, String> f = fixtures();
        assertThat(ours.getStatusCode().is2xxSuccessful() || fixture.startsWith("error"))
                .as(fixture + ": " + ours.getBody())
                .isTrue();
        if (fixture.endsWith(".json")) {
            assertThat(ours.getHeaders().getContentType().toString()).startsWith("application/json");
            sameShape(fixture, shape(JSON.readTree(f.get(fixture))), shape(JSON.readTree(ours.getBody())), extras);
        } else {
            assertThat(ours.getHeaders().getContentType().toString()).startsWith("text/xml");
            assertThat(ours.getBody()).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
            sameShape(fixture, xmlShape(f.get(fixture)), xmlShape(ours.getBody()), extras);
        }
    }

    @Test
    void everyAnswerHasTheShapeOfTheSpecificationsExamplesInJsonAndXml() throws Exception {
        String key = key(600);
        for (String format : List.of("json", "xml")) {
            conforms(
                    "services." + format,
                    get("/open311/v2/services." + format + "?jurisdiction_id=tuyenquang.gov.vn"),
                    Set.of());
            conforms("definition." + format, get("/open311/v2/services/PA-MOI-TRUONG." + format), Set.of());
            ResponseEntity<String> filed = post(
                    format,
                    form(
                            key,
                            "PA-MOI-TRUONG",
                            "address_string",
                            "thôn 3, xa Yen Son",
                            "lat",
                            "21.8233",
                            "long",
                            "105.2140",
                            "first_name",
                            "Văn Ba",
                            "last_name",
                            "Nguyễn",
                            "phone",
                            "0912 345 678",
                            "description",
                            "Xưởng cưa gỗ chạy máy đến 23 giờ đêm.",
                            "media_url",
                            "http://example.com/1.jpg",
                            "attribute[loai]",
                            "tieng-on",
                            "email",
                            "ba@example.com",
                            "device_id",
                            "tt222111"));
            conforms("post." + format, filed, Set.of("token"));
            String id = between(filed.getBody(), format, "service_request_id");
            String token = between(filed.getBody(), format, "token");
            conforms(
                    "token." + format, get("/open311/v2/tokens/" + token + "." + format + "?api_key=" + key), Set.of());
            conforms(
                    "requests." + format,
                    get("/open311/v2/requests." + format + "?api_key=" + key + "&status=open"),
                    Set.of());
            conforms(
                    "requests." + format,
                    get("/open311/v2/requests/" + id + "." + format + "?api_key=" + key),
                    Set.of());
            ResponseEntity<String> refused = get("/open311/v2/requests." + format + "?api_key=nope");
            assertThat(refused.getStatusCode().value()).isEqualTo(403);
            conforms("error." + format, refused, Set.of());
        }
    }

    static String between(String body, String format, String field) throws Exception {
        if (format.equals("json")) {
            return JSON.readTree(body).get(0).get(field).asText();
        }
        Matcher m = Pattern.compile("<" + field + ">([^<]*)</" + field + ">").matcher(body);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aFilingBecomesACaseInTheCommuneItsAddressNamesAndReadsBackWithoutNames() throws Exception {
        String key = key(600);
        JsonNode filed = JSON.readTree(post(
                        "json",
                        form(
                                key,
                                "ANTT",
                                "address_string",
                                "Ngã ba chợ, PHUONG MINH XUAN",
                                "attribute[muc_do]",
                                "dang-xay-ra",
                                "attribute[so_nguoi]",
                                "12",
                                "description",
                                "Hai nhóm thanh niên tụ tập, có hung khí."))
                .getBody());
        String code = filed.get(0).get("service_request_id").asText();
        assertThat(code).startsWith("VV-");
        Map<String, Object> c = new Api(rest, "admin").get("/api/cases/" + code).getBody();
        assertThat(c)
                .containsEntry("type", "INCIDENT")
                .containsEntry("channel", "ONLINE")
                .containsEntry("unitId", 4)
                .containsEntry("leadAgency", "CONGAN")
                .containsEntry("crowd", true);
        assertThat((String) c.get("description")).contains("Tình trạng: Đang xảy ra");

        // coordinates only: the service's default unit (the officer corrects it at acceptance)
        JsonNode byCoordinates = JSON.readTree(post(
                        "json",
                        form(
                                key,
                                "KN-HA-TANG",
                                "lat",
                                "21.8",
                                "long",
                                "105.2",
                                "first_name",
                                "Thị Hoa",
                                "last_name",
                                "Lê",
                                "phone",
                                "+84 912 000 111"))
                .getBody());
        assertThat(new Api(rest, "admin")
                        .get("/api/cases/"
                                + byCoordinates.get(0).get("service_request_id").asText())
                        .getBody())
                .containsEntry("unitId", 1);

        // a denunciation is listed without its content, a closed case with its outcome and never a name
        JsonNode denounced = JSON.readTree(post(
                        "json",
                        form(
                                key,
                                "TC-CAN-BO",
                                "address_string",
                                "xã Hàm Yên",
                                "first_name",
                                "Văn Tố",
                                "last_name",
                                "Trần",
                                "phone",
                                "0987000111",
                                "description",
                                "Cán bộ địa chính thu tiền ngoài quy định khi đo đạc."))
                .getBody());
        String secret = denounced.get(0).get("service_request_id").asText();
        JsonNode one = JSON.readTree(get("/open311/v2/requests/" + secret + ".json?api_key=" + key)
                        .getBody())
                .get(0);
        assertThat(one.get("description").isNull()).isTrue();
        assertThat(one.toString()).doesNotContain("Trần").doesNotContain("0987000111");
        jdbc.update(
                "update cases set status = 'CLOSED', outcome = 'RESOLVED', closed_at = updated_at, outcome_note = 'Ông Trần Văn Tố đã được trả lời' where code = ?",
                code);
        JsonNode closed = JSON.readTree(get("/open311/v2/requests.json?api_key=" + key + "&status=closed")
                .getBody());
        List<String> closedIds = new ArrayList<>();
        closed.forEach(r -> closedIds.add(r.get("service_request_id").asText()));
        assertThat(closedIds).contains(code).doesNotContain(secret);
        JsonNode read = JSON.readTree(get("/open311/v2/requests/" + code + ".json?api_key=" + key)
                        .getBody())
                .get(0);
        assertThat(read.get("status").asText()).isEqualTo("closed");
        assertThat(read.get("status_notes").asText()).isEqualTo("Giải quyết dứt điểm");
        assertThat(read.toString()).doesNotContain("Trần Văn Tố");
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_entry where action = 'OPEN311_REQUEST' and actor like 'open311:%'",
                        Long.class))
                .isGreaterThanOrEqualTo(5);
    }

    @Test
    void badInputAnswersTheSpecificationsErrorsAndKeysAreLimited() throws Exception {
        String key = key(600);
        assertThat(post("json", form(null, "KN-HA-TANG", "lat", "1", "long", "1"))
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        ResponseEntity<String> noLocation = post("json", form(key, "KN-HA-TANG", "first_name", "A", "last_name", "B"));
        assertThat(noLocation.getStatusCode().value()).isEqualTo(400);
        assertThat(JSON.readTree(noLocation.getBody()).get(0).get("description").asText())
                .contains("location");
        ResponseEntity<String> required = post("xml", form(key, "ANTT", "address_string", "Yên Sơn"));
        assertThat(required.getStatusCode().value()).isEqualTo(400);
        assertThat(required.getBody())
                .contains("<errors><error><code>400</code>")
                .contains("attribute[muc_do]");
        assertThat(post("json", form(key, "ANTT", "address_string", "Yên Sơn", "attribute[muc_do]", "chay-no"))
                        .getBody())
                .contains("must be one of");
        assertThat(post(
                                "json",
                                form(
                                        key,
                                        "ANTT",
                                        "address_string",
                                        "Yên Sơn",
                                        "attribute[muc_do]",
                                        "da-xay-ra",
                                        "attribute[mau]",
                                        "do"))
                        .getStatusCode()
                        .value())
                .isEqualTo(400);
        assertThat(post("json", form(key, "KN-HA-TANG", "address_string", "Yên Sơn"))
                        .getBody())
                .as("a petition needs the citizen's name")
                .contains("first_name");
        assertThat(post("json", form(key, "NOPE", "address_string", "Yên Sơn"))
                        .getStatusCode()
                        .value())
                .isEqualTo(404);
        assertThat(post("json", form(key, "KN-HA-TANG", "lat", "abc", "long", "1"))
                        .getStatusCode()
                        .value())
                .isEqualTo(400);
        assertThat(get("/open311/v2/services.csv").getStatusCode().value()).isEqualTo(404);
        assertThat(get("/open311/v2/services.json?jurisdiction_id=hanoi.gov.vn")
                        .getStatusCode()
                        .value())
                .isEqualTo(404);
        assertThat(get("/open311/v2/requests.json?api_key=" + key
                                + "&start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z")
                        .getStatusCode()
                        .value())
                .as("at most 90 days")
                .isEqualTo(400);
        assertThat(get("/open311/v2/requests.json?api_key=" + key + "&start_date=yesterday")
                        .getStatusCode()
                        .value())
                .isEqualTo(400);
        assertThat(get("/open311/v2/requests/VV-0000-000000.json?api_key=" + key)
                        .getStatusCode()
                        .value())
                .isEqualTo(404);
        assertThat(rest.withBasicAuth("admin", "demo")
                        .exchange("/api/cases", HttpMethod.GET, new HttpEntity<>(xmlAccept()), String.class)
                        .getStatusCode()
                        .value())
                .as("the rest of the API speaks JSON only")
                .isEqualTo(406);

        // three a minute: the fourth in the same minute is refused, the next minute is free again
        clock.setTime(Instant.parse("2026-11-28T03:00:10Z"));
        String limited = key(3);
        for (int i = 0; i < 3; i++) {
            assertThat(get("/open311/v2/requests.json?api_key=" + limited)
                            .getStatusCode()
                            .value())
                    .isEqualTo(200);
        }
        ResponseEntity<String> tooMany = get("/open311/v2/requests.json?api_key=" + limited);
        assertThat(tooMany.getStatusCode().value()).isEqualTo(429);
        assertThat(JSON.readTree(tooMany.getBody()).get(0).get("code").asInt()).isEqualTo(429);
        clock.setTime(Instant.parse("2026-11-28T03:01:05Z"));
        assertThat(get("/open311/v2/requests.json?api_key=" + limited)
                        .getStatusCode()
                        .value())
                .isEqualTo(200);

        // a revoked key is refused
        long id = jdbc.queryForObject(
                "select id from open311_key where key_prefix = ?", Long.class, limited.substring(0, 12));
        assertThat(new Api(rest, "admin")
                        .post("/api/admin/open311-keys/" + id + "/revoke", Map.of())
                        .getStatusCode()
                        .value())
                .isEqualTo(204);
        assertThat(new Api(rest, "admin")
                        .post("/api/admin/open311-keys/" + id + "/revoke", Map.of())
                        .getStatusCode()
                        .value())
                .isEqualTo(409);
        assertThat(get("/open311/v2/requests.json?api_key=" + limited)
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        assertThat(new Api(rest, "supervisor.congan")
                        .get("/api/admin/open311-keys")
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
    }

    static HttpHeaders xmlAccept() {
        HttpHeaders h = new HttpHeaders();
        h.setAccept(List.of(MediaType.APPLICATION_XML));
        return h;
    }
}
