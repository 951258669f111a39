package vn.tandem.outlook.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import vn.tandem.outlook.Outlook;
import vn.tandem.outlook.OutlookLevel;

/** A unit's outlook for a reader: the reasons in the reader's language and the trend as a sparkline. */
public record OutlookView(
        long unitId,
        String unitName,
        String agency,
        double score,
        OutlookLevel level,
        List<String> reasons,
        List<Double> trend,
        List<OutlookLevel> levels) {

    static final int SPARK_WIDTH = 120;
    static final int SPARK_HEIGHT = 28;

    static OutlookView of(Outlook.UnitOutlook o, MessageSource messages, Locale locale) {
        return new OutlookView(
                o.unit().getId(),
                o.unit().getName(),
                o.unit().getAgencyCode(),
                o.score(),
                o.level(),
                o.reasons().stream().map(t -> t.render(messages, locale)).toList(),
                o.trend(),
                o.levels());
    }

    /** The trend as SVG polyline points (oldest week on the left, the highest score at the top). */
    public String sparkPoints() {
        double max = Math.max(
                1, trend.stream().mapToDouble(Double::doubleValue).max().orElse(1));
        List<String> points = new ArrayList<>();
        for (int i = 0; i < trend.size(); i++) {
            double x = trend.size() == 1 ? 0 : i * (SPARK_WIDTH - 2.0) / (trend.size() - 1) + 1;
            double y = SPARK_HEIGHT - 2 - trend.get(i) / max * (SPARK_HEIGHT - 4);
            points.add(String.format(Locale.ROOT, "%.1f,%.1f", x, y));
        }
        return String.join(" ", points);
    }
}
