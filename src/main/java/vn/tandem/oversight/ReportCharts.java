package vn.tandem.oversight;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The report's charts drawn on the server with JFreeChart, as PNG images for the Word and PDF files: cases by type
 * and by outcome (this period against the previous one), cases received by month, time saved by step. Labels use
 * the bundled DejaVu Sans, so every Vietnamese diacritic is drawn whatever fonts the server has.
 */
@Component
class ReportCharts {

    static final int WIDTH = 900;
    static final int HEIGHT = 420;

    private static final Color CURRENT = new Color(0x0d, 0x6e, 0xfd);
    private static final Color PREVIOUS = new Color(0xad, 0xb5, 0xbd);

    private final MessageSource messages;
    private final Font font;

    ReportCharts(MessageSource messages) {
        this.messages = messages;
        this.font = load("/fonts/DejaVuSans.ttf");
    }

    static Font load(String resource) {
        try (InputStream in = ReportCharts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing font " + resource);
            }
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FontFormatException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The charts of a report by name (byType, byOutcome, byMonth, timeSaved), PNG bytes. */
    Map<String, byte[]> draw(SummaryReport.Report r, Locale locale) {
        Map<String, byte[]> charts = new LinkedHashMap<>();
        charts.put(
                "byType",
                compare(
                        locale,
                        "report.byType",
                        "caseType.",
                        r.figures().casesReceivedByType(),
                        r.previous().figures().casesReceivedByType()));
        charts.put(
                "byOutcome",
                compare(
                        locale,
                        "report.byOutcome",
                        null,
                        r.figures().casesByOutcome(),
                        r.previous().figures().casesByOutcome()));
        DefaultCategoryDataset months = new DefaultCategoryDataset();
        r.figures().casesReceivedByMonth().forEach((m, n) -> months.addValue(n, msg(locale, "report.count"), m));
        JFreeChart monthly = org.jfree.chart.ChartFactory.createLineChart(
                msg(locale, "report.byMonth"),
                msg(locale, "report.month"),
                msg(locale, "report.count"),
                months,
                PlotOrientation.VERTICAL,
                false,
                false,
                false);
        charts.put("byMonth", png(monthly, true));
        DefaultCategoryDataset saved = new DefaultCategoryDataset();
        r.figures()
                .timeSavedByStep()
                .forEach((step, f) -> saved.addValue(
                        f.timeSavedPercent(), msg(locale, "report.current"), msg(locale, "legalStep." + step)));
        r.previous()
                .figures()
                .timeSavedByStep()
                .forEach((step, f) -> saved.addValue(
                        f.timeSavedPercent(), msg(locale, "report.previous"), msg(locale, "legalStep." + step)));
        charts.put("timeSaved", png(bar(msg(locale, "report.timeChart"), saved, locale), false));
        return charts;
    }

    private byte[] compare(
            Locale locale, String title, String labelPrefix, Map<String, Long> current, Map<String, Long> previous) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        current.forEach((k, v) -> data.addValue(v, msg(locale, "report.current"), label(locale, labelPrefix, k)));
        previous.forEach((k, v) -> data.addValue(v, msg(locale, "report.previous"), label(locale, labelPrefix, k)));
        return png(bar(msg(locale, title), data, locale), false);
    }

    private String label(Locale locale, String prefix, String key) {
        if (prefix != null) {
            return msg(locale, prefix + key);
        }
        return "OPEN".equals(key) ? msg(locale, "report.outcome.OPEN") : msg(locale, "outcome." + key);
    }

    private JFreeChart bar(String title, DefaultCategoryDataset data, Locale locale) {
        JFreeChart chart = org.jfree.chart.ChartFactory.createBarChart(
                title, null, msg(locale, "report.count"), data, PlotOrientation.VERTICAL, true, false, false);
        return chart;
    }

    private byte[] png(JFreeChart chart, boolean manyCategories) {
        StandardChartTheme theme = new StandardChartTheme("tandem");
        theme.setExtraLargeFont(font.deriveFont(Font.BOLD, 18f));
        theme.setLargeFont(font.deriveFont(14f));
        theme.setRegularFont(font.deriveFont(12f));
        theme.setSmallFont(font.deriveFont(10f));
        theme.setBarPainter(new StandardBarPainter());
        theme.setShadowVisible(false);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setRangeGridlinePaint(new Color(0xde, 0xe2, 0xe6));
        theme.apply(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        if (plot.getRenderer() instanceof BarRenderer bars) {
            bars.setSeriesPaint(0, CURRENT);
            bars.setSeriesPaint(1, PREVIOUS);
        } else {
            plot.getRenderer().setSeriesPaint(0, CURRENT);
        }
        if (manyCategories) {
            plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_90);
        }
        plot.getDomainAxis().setMaximumCategoryLabelLines(3);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private String msg(Locale locale, String key) {
        return messages.getMessage(key, null, locale);
    }
}
