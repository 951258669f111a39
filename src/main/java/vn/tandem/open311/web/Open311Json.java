package vn.tandem.open311.web;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.tandem.open311.Open311;
import vn.tandem.open311.Open311Services;

/**
 * The specification's documents as ordered maps, one shape for both formats: JSON writes them as they are, XML
 * ({@link Open311Xml}) as elements of the same names.
 */
final class Open311Json {

    /** A list that XML wraps in {@code <name>} and repeats as {@code <item>}; JSON writes it as an array. */
    record Repeated(String item, List<?> items) {

        @JsonValue
        List<?> json() {
            return items;
        }
    }

    private Open311Json() {}

    static Map<String, Object> service(Open311Services.Offered s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("service_code", s.code());
        m.put("service_name", s.nameVi());
        m.put("description", s.descriptionVi());
        m.put("metadata", !s.attributes().isEmpty());
        m.put("type", "realtime");
        m.put("keywords", s.keywords());
        m.put("group", s.group());
        return m;
    }

    static Map<String, Object> definition(Open311Services.Offered s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("service_code", s.code());
        m.put(
                "attributes",
                new Repeated(
                        "attribute",
                        s.attributes().stream().map(Open311Json::attribute).toList()));
        return m;
    }

    private static Map<String, Object> attribute(Open311Services.Attribute a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("variable", true);
        m.put("code", a.code());
        m.put("datatype", a.datatype());
        m.put("required", a.required());
        m.put("datatype_description", a.descriptionEn());
        m.put("order", a.order());
        m.put("description", a.descriptionVi());
        if (!a.values().isEmpty()) {
            m.put(
                    "values",
                    new Repeated(
                            "value",
                            a.values().stream()
                                    .map(v -> {
                                        Map<String, Object> x = new LinkedHashMap<>();
                                        x.put("key", v.key());
                                        x.put("name", v.nameVi());
                                        return x;
                                    })
                                    .toList()));
        }
        return m;
    }

    static Map<String, Object> filed(Open311.Filed f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("service_request_id", f.serviceRequestId());
        m.put("token", f.token());
        m.put("service_notice", f.serviceNotice());
        m.put("account_id", null);
        return m;
    }

    static Map<String, Object> token(Open311.Filed f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("service_request_id", f.serviceRequestId());
        m.put("token", f.token());
        return m;
    }

    static Map<String, Object> request(Open311.ServiceRequest r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("service_request_id", r.serviceRequestId());
        m.put("status", r.status());
        m.put("status_notes", r.statusNotes());
        m.put("service_name", r.serviceName());
        m.put("service_code", r.serviceCode());
        m.put("description", r.description());
        m.put("agency_responsible", r.agencyResponsible());
        m.put("service_notice", r.serviceNotice());
        m.put("requested_datetime", w3c(r.requestedDatetime()));
        m.put("updated_datetime", w3c(r.updatedDatetime()));
        m.put("expected_datetime", w3c(r.expectedDatetime()));
        m.put("address", r.address());
        m.put("address_id", r.addressId());
        m.put("zipcode", r.zipcode());
        m.put("lat", r.lat());
        m.put("long", r.lon());
        m.put("media_url", r.mediaUrl());
        return m;
    }

    /** A W3C date-time with seconds and the offset, as the specification asks. */
    static String w3c(java.time.OffsetDateTime t) {
        return t == null
                ? null
                : java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX")
                        .format(t);
    }

    static Map<String, Object> error(int code, String description) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", code);
        m.put("description", description);
        return m;
    }
}
