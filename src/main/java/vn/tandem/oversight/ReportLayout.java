package vn.tandem.oversight;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the report's single numbers are grouped into sections, shared by the page and every file: one row per figure
 * with its value in this period and the previous one. The names are the JSON names of {@link SummaryReport.Figures}.
 */
final class ReportLayout {

    /** Sections and, in order, the figures each shows. */
    static final Map<String, List<String>> SECTIONS = sections();

    /** One figure in both periods (null: nothing measured). */
    record Row(String name, Number current, Number previous) {}

    private ReportLayout() {}

    private static Map<String, List<String>> sections() {
        Map<String, List<String>> s = new LinkedHashMap<>();
        s.put("program", List.of("campaigns", "drives", "models", "modelsActive"));
        s.put(
                "reception",
                List.of(
                        "receptions",
                        "regularReceptions",
                        "citizensReceived",
                        "receptionMatters",
                        "receptionMattersLinked",
                        "dialogues",
                        "dialogueCitizens"));
        s.put("cases", List.of("casesReceived", "complexStabilized", "reopened"));
        s.put(
                "flags",
                List.of(
                        "hotspots",
                        "crowd",
                        "levelSkipping",
                        "incidents",
                        "situationReports",
                        "signals",
                        "highRiskSignals",
                        "signalsToCases"));
        s.put("time", List.of("stepsMeasured", "onTimeRate", "onTimeStatutoryRate", "timeSavedPercent"));
        s.put(
                "exchange",
                List.of(
                        "informationRequests",
                        "informationAnswered",
                        "informationAnsweredOnTime",
                        "informationOnTimeRate"));
        return s;
    }

    /** Every single-number figure, section by section. */
    static Map<String, List<Row>> rows(SummaryReport.Figures current, SummaryReport.Figures previous) {
        Map<String, List<Row>> out = new LinkedHashMap<>();
        SECTIONS.forEach((section, names) -> {
            List<Row> rows = new ArrayList<>();
            names.forEach(n -> rows.add(new Row(n, value(current, n), value(previous, n))));
            out.put(section, rows);
        });
        return out;
    }

    /** A single-number figure by its name. */
    static Number value(SummaryReport.Figures f, String name) {
        for (RecordComponent c : SummaryReport.Figures.class.getRecordComponents()) {
            if (c.getName().equals(name)) {
                try {
                    return (Number) c.getAccessor().invoke(f);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        throw new IllegalArgumentException("no figure " + name);
    }
}
