package vn.tandem.open311;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** The services offered to 311 apps, each mapped to a case type and an agency, with their attributes. */
@Service
public class Open311Services {

    /** One value of a list attribute. */
    public record Value(String key, String nameVi, String nameEn) {}

    /** An attribute a filing may (or must) carry. */
    public record Attribute(
            String code,
            String datatype,
            boolean required,
            String descriptionVi,
            String descriptionEn,
            int order,
            List<Value> values) {}

    /** A service: what a citizen can report, and where it goes. */
    public record Offered(
            String code,
            String nameVi,
            String nameEn,
            String descriptionVi,
            String descriptionEn,
            String caseType,
            String agency,
            long defaultUnitId,
            String keywords,
            String group,
            List<Attribute> attributes) {}

    private final JdbcTemplate jdbc;

    Open311Services(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Offered> all() {
        Map<String, List<Attribute>> attributes = attributes();
        return jdbc.query(
                "select service_code, name_vi, name_en, description_vi, description_en, case_type, agency_code,"
                        + " default_unit_id, keywords, group_name from open311_service where active = true"
                        + " order by sort_order, service_code",
                (rs, n) -> new Offered(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getLong(8),
                        rs.getString(9),
                        rs.getString(10),
                        attributes.getOrDefault(rs.getString(1), List.of())));
    }

    public Optional<Offered> find(String code) {
        return all().stream().filter(s -> s.code().equals(code)).findFirst();
    }

    private Map<String, List<Attribute>> attributes() {
        Map<String, Map<String, List<Value>>> values = new LinkedHashMap<>();
        jdbc.query(
                "select service_code, attribute_code, value_key, name_vi, name_en from open311_attribute_value"
                        + " order by service_code, attribute_code, sort_order",
                rs -> {
                    values.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
                            .computeIfAbsent(rs.getString(2), k -> new ArrayList<>())
                            .add(new Value(rs.getString(3), rs.getString(4), rs.getString(5)));
                });
        Map<String, List<Attribute>> out = new LinkedHashMap<>();
        jdbc.query(
                "select service_code, code, datatype, required, description_vi, description_en, sort_order"
                        + " from open311_attribute order by service_code, sort_order",
                rs -> {
                    String service = rs.getString(1);
                    out.computeIfAbsent(service, k -> new ArrayList<>())
                            .add(new Attribute(
                                    rs.getString(2),
                                    rs.getString(3),
                                    rs.getBoolean(4),
                                    rs.getString(5),
                                    rs.getString(6),
                                    rs.getInt(7),
                                    values.getOrDefault(service, Map.of()).getOrDefault(rs.getString(2), List.of())));
                });
        return out;
    }
}
