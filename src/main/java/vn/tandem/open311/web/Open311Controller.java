package vn.tandem.open311.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.tandem.open311.Open311;
import vn.tandem.open311.Open311Exception;
import vn.tandem.open311.Open311Keys;
import vn.tandem.open311.Open311Services;

/**
 * Open311 GeoReport v2 at {@code /open311/v2} (docs/open311.md): services and their definitions (public), filing and
 * reading service requests and tokens (with an {@code api_key}), in JSON or XML by the path's extension, errors in
 * the specification's format.
 */
@RestController
@RequestMapping("/open311/v2")
@Tag(name = "Open311 GeoReport v2")
class Open311Controller {

    private static final Logger LOG = LoggerFactory.getLogger(Open311Controller.class);
    private static final MediaType XML = new MediaType("text", "xml", StandardCharsets.UTF_8);
    private static final MediaType JSON = new MediaType("application", "json", StandardCharsets.UTF_8);

    private final Open311 open311;
    private final Open311Services services;
    private final ObjectMapper json;
    private final String jurisdiction;

    Open311Controller(
            Open311 open311,
            Open311Services services,
            ObjectMapper json,
            @Value("${tandem.open311.jurisdiction-id:tuyenquang.gov.vn}") String jurisdiction) {
        this.open311 = open311;
        this.services = services;
        this.json = json;
        this.jurisdiction = jurisdiction;
    }

    @Operation(summary = "The services a citizen can report (public)")
    @GetMapping("/services.{format}")
    ResponseEntity<String> services(
            @PathVariable String format, @RequestParam(name = "jurisdiction_id", required = false) String j) {
        jurisdiction(j);
        return answer(
                format,
                "services",
                "service",
                services.all().stream().map(Open311Json::service).toList());
    }

    @Operation(summary = "A service's definition: its attributes (public)")
    @GetMapping("/services/{code}.{format}")
    ResponseEntity<String> definition(
            @PathVariable String code,
            @PathVariable String format,
            @RequestParam(name = "jurisdiction_id", required = false) String j) {
        jurisdiction(j);
        Open311Services.Offered service =
                services.find(code).orElseThrow(() -> new Open311Exception(404, "service_code " + code + " not found"));
        return answer(format, "service_definition", null, Open311Json.definition(service));
    }

    @Operation(
            summary = "File a service request (form-encoded, api_key required)",
            description = "service_code; lat and long, address_string or address_id; attribute[code]; first_name,"
                    + " last_name, phone, email, description, media_url. Answers the case code as service_request_id"
                    + " and a token.")
    @PostMapping(value = "/requests.{format}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> file(
            @PathVariable String format,
            @RequestParam MultiValueMap<String, String> params,
            HttpServletRequest request) {
        checkFormat(format);
        jurisdiction(params.getFirst("jurisdiction_id"));
        Open311Keys.Key key = open311.authorize(params.getFirst("api_key"), "POST", request.getRequestURI());
        Map<String, String> attributes = new LinkedHashMap<>();
        params.forEach((name, values) -> {
            if (name.startsWith("attribute[") && name.endsWith("]")) {
                attributes.put(name.substring(10, name.length() - 1), values.isEmpty() ? null : values.get(0));
            }
        });
        Open311.Filing filing = new Open311.Filing(
                params.getFirst("service_code"),
                number(params.getFirst("lat"), "lat"),
                number(params.getFirst("long"), "long"),
                params.getFirst("address_string"),
                params.getFirst("address_id"),
                params.getFirst("email"),
                params.getFirst("device_id"),
                params.getFirst("account_id"),
                params.getFirst("first_name"),
                params.getFirst("last_name"),
                params.getFirst("phone"),
                params.getFirst("description"),
                params.getFirst("media_url"),
                attributes);
        return answer(format, "service_requests", "request", List.of(Open311Json.filed(open311.file(filing, key))));
    }

    @Operation(
            summary =
                    "Service requests filed through Open311: the specification's filters and limits (api_key required)")
    @GetMapping("/requests.{format}")
    ResponseEntity<String> requests(
            @PathVariable String format,
            @RequestParam(name = "api_key", required = false) String apiKey,
            @RequestParam(name = "jurisdiction_id", required = false) String j,
            @RequestParam(name = "service_request_id", required = false) String ids,
            @RequestParam(name = "service_code", required = false) String serviceCode,
            @RequestParam(name = "start_date", required = false) String start,
            @RequestParam(name = "end_date", required = false) String end,
            @RequestParam(name = "status", required = false) String status,
            HttpServletRequest request) {
        checkFormat(format);
        jurisdiction(j);
        open311.authorize(apiKey, "GET", request.getRequestURI());
        return answer(
                format,
                "service_requests",
                "request",
                open311.list(new Open311.Query(ids, serviceCode, start, end, status)).stream()
                        .map(Open311Json::request)
                        .toList());
    }

    @Operation(summary = "One service request (api_key required)")
    @GetMapping("/requests/{id}.{format}")
    ResponseEntity<String> request(
            @PathVariable String id,
            @PathVariable String format,
            @RequestParam(name = "api_key", required = false) String apiKey,
            @RequestParam(name = "jurisdiction_id", required = false) String j,
            HttpServletRequest request) {
        checkFormat(format);
        jurisdiction(j);
        open311.authorize(apiKey, "GET", request.getRequestURI());
        return answer(format, "service_requests", "request", List.of(Open311Json.request(open311.one(id))));
    }

    @Operation(summary = "The service request a token stands for (api_key required)")
    @GetMapping("/tokens/{token}.{format}")
    ResponseEntity<String> token(
            @PathVariable String token,
            @PathVariable String format,
            @RequestParam(name = "api_key", required = false) String apiKey,
            @RequestParam(name = "jurisdiction_id", required = false) String j,
            HttpServletRequest request) {
        checkFormat(format);
        jurisdiction(j);
        open311.authorize(apiKey, "GET", request.getRequestURI());
        return answer(format, "service_requests", "request", List.of(Open311Json.token(open311.token(token))));
    }

    @ExceptionHandler(Open311Exception.class)
    ResponseEntity<String> error(Open311Exception e, HttpServletRequest request) {
        return errors(request, e.code(), e.getMessage());
    }

    @ExceptionHandler({
        org.springframework.web.bind.MissingServletRequestParameterException.class,
        org.springframework.web.HttpMediaTypeNotSupportedException.class,
        org.springframework.http.converter.HttpMessageNotReadableException.class
    })
    ResponseEntity<String> badRequest(Exception e, HttpServletRequest request) {
        return errors(request, 400, "the request is not a form-encoded Open311 request");
    }

    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<String> unexpected(RuntimeException e, HttpServletRequest request) {
        LOG.error("Open311 request failed: {}", request.getRequestURI(), e);
        return errors(request, 500, "internal error");
    }

    private ResponseEntity<String> errors(HttpServletRequest request, int code, String description) {
        String format = request.getRequestURI().endsWith(".xml") ? "xml" : "json";
        List<Map<String, Object>> body = List.of(Open311Json.error(code, description));
        return ResponseEntity.status(code)
                .contentType(format.equals("xml") ? XML : JSON)
                .body(format.equals("xml") ? Open311Xml.write("errors", "error", body) : write(body));
    }

    private ResponseEntity<String> answer(String format, String root, String item, Object body) {
        checkFormat(format);
        return "xml".equals(format)
                ? ResponseEntity.ok().contentType(XML).body(Open311Xml.write(root, item, body))
                : ResponseEntity.ok().contentType(JSON).body(write(body));
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void checkFormat(String format) {
        if (!"json".equals(format) && !"xml".equals(format)) {
            throw new Open311Exception(404, "format " + format + " is not served: use json or xml");
        }
    }

    private void jurisdiction(String j) {
        if (j != null && !j.isBlank() && !j.strip().equalsIgnoreCase(jurisdiction)) {
            throw new Open311Exception(404, "jurisdiction_id " + j + " is not served here");
        }
    }

    private static Double number(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new Open311Exception(400, name + " must be a number");
        }
    }
}
