package vn.tandem.oversight;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.util.Units;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import vn.tandem.identity.Directory;

/**
 * The report as files, made with real libraries: Word with Apache POI XWPF (headings, the narrative, tables, the
 * server-drawn charts as images), PDF from an XHTML template with openhtmltopdf and the bundled DejaVu Sans (every
 * Vietnamese diacritic embedded), Excel with Apache POI (one sheet per table, numbers as numbers).
 */
@Component
class ReportFiles {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final String WORD_FONT = "Times New Roman";

    private final MessageSource messages;
    private final ReportCharts charts;
    private final ITemplateEngine templates;
    private final Directory directory;

    ReportFiles(MessageSource messages, ReportCharts charts, ITemplateEngine templates, Directory directory) {
        this.messages = messages;
        this.charts = charts;
        this.templates = templates;
        this.directory = directory;
    }

    /** The file name of a report: tandem-bao-cao-&lt;from&gt;-&lt;to&gt;.&lt;ext&gt;. */
    static String fileName(SummaryReport.Period p, ReportFormat format) {
        return "tandem-bao-cao-" + p.from() + "-" + p.to() + "." + format.extension();
    }

    byte[] render(SummaryReport.Report r, ReportFormat format, Locale locale) {
        return switch (format) {
            case DOCX -> docx(r, locale);
            case PDF -> pdf(r, locale);
            case XLSX -> xlsx(r, locale);
        };
    }

    // ---- Word ----

    byte[] docx(SummaryReport.Report r, Locale locale) {
        Map<String, byte[]> images = charts.draw(r, locale);
        try (XWPFDocument doc = new XWPFDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            paragraph(doc, msg(locale, "report.doc.title"), true, 14, ParagraphAlignment.CENTER);
            paragraph(doc, msg(locale, "report.doc.subtitle"), true, 13, ParagraphAlignment.CENTER);
            paragraph(doc, periodLine(r, locale), false, 12, ParagraphAlignment.CENTER);
            paragraph(
                    doc,
                    msg(locale, "report.doc.scope", scope(r.period(), locale)),
                    false,
                    12,
                    ParagraphAlignment.CENTER);
            heading(doc, msg(locale, "report.narrative"));
            paragraph(doc, r.narrative(), false, 12, ParagraphAlignment.BOTH);
            ReportLayout.rows(r.figures(), r.previous().figures()).forEach((section, rows) -> {
                heading(doc, msg(locale, "report.section." + section));
                XWPFTable table = table(
                        doc,
                        msg(locale, "report.doc.figure"),
                        msg(locale, "report.current"),
                        msg(locale, "report.previous"));
                for (ReportLayout.Row row : rows) {
                    addRow(
                            table,
                            msg(locale, "report.f." + row.name()),
                            number(row.current(), locale),
                            number(row.previous(), locale));
                }
                if ("cases".equals(section)) {
                    breakdown(
                            doc,
                            locale,
                            "report.byType",
                            "caseType.",
                            r.figures().casesReceivedByType(),
                            r.previous().figures().casesReceivedByType());
                    breakdown(
                            doc,
                            locale,
                            "report.byChannel",
                            "channel.",
                            r.figures().casesReceivedByChannel(),
                            r.previous().figures().casesReceivedByChannel());
                    picture(doc, images.get("byType"), "byType.png");
                    picture(doc, images.get("byMonth"), "byMonth.png");
                    heading(doc, msg(locale, "report.section.outcomes"));
                    breakdown(
                            doc,
                            locale,
                            "report.byOutcome",
                            null,
                            r.figures().casesByOutcome(),
                            r.previous().figures().casesByOutcome());
                    picture(doc, images.get("byOutcome"), "byOutcome.png");
                }
                if ("time".equals(section)) {
                    steps(doc, r, locale);
                    picture(doc, images.get("timeSaved"), "timeSaved.png");
                    paragraph(doc, msg(locale, "report.daysNote"), false, 10, ParagraphAlignment.LEFT);
                }
                if ("program".equals(section)) {
                    breakdown(
                            doc,
                            locale,
                            "report.byField",
                            "program.field.",
                            r.figures().modelsByField(),
                            r.previous().figures().modelsByField());
                    launched(doc, r, locale);
                }
            });
            paragraph(
                    doc,
                    msg(locale, "report.doc.generated", DAY.format(LocalDate.now())),
                    false,
                    10,
                    ParagraphAlignment.RIGHT);
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void steps(XWPFDocument doc, SummaryReport.Report r, Locale locale) {
        XWPFTable table = table(
                doc,
                msg(locale, "report.step"),
                msg(locale, "report.step.count"),
                msg(locale, "report.step.averageDaysUsed"),
                msg(locale, "report.step.medianDaysUsed"),
                msg(locale, "report.step.averageDaysAllowed"),
                msg(locale, "report.step.timeSavedPercent"),
                msg(locale, "report.step.onTimeRate"),
                msg(locale, "report.step.onTimeStatutoryRate"));
        r.figures()
                .timeSavedByStep()
                .forEach((step, f) -> addRow(
                        table,
                        msg(locale, "legalStep." + step),
                        number(f.count(), locale),
                        number(f.averageDaysUsed(), locale),
                        number(f.medianDaysUsed(), locale),
                        number(f.averageDaysAllowed(), locale),
                        number(f.timeSavedPercent(), locale),
                        number(f.onTimeRate(), locale),
                        number(f.onTimeStatutoryRate(), locale)));
    }

    private void launched(XWPFDocument doc, SummaryReport.Report r, Locale locale) {
        if (r.figures().campaignTitles().isEmpty() && r.figures().driveTitles().isEmpty()) {
            return;
        }
        paragraph(doc, msg(locale, "report.launched"), true, 12, ParagraphAlignment.LEFT);
        XWPFTable table = table(doc, msg(locale, "report.doc.kind"), msg(locale, "report.doc.name"));
        r.figures().campaignTitles().forEach(t -> addRow(table, msg(locale, "program.kind.CAMPAIGN"), t));
        r.figures().driveTitles().forEach(t -> addRow(table, msg(locale, "program.kind.DRIVE"), t));
    }

    private void breakdown(
            XWPFDocument doc,
            Locale locale,
            String title,
            String prefix,
            Map<String, Long> current,
            Map<String, Long> previous) {
        paragraph(doc, msg(locale, title), true, 12, ParagraphAlignment.LEFT);
        XWPFTable table = table(doc, msg(locale, title), msg(locale, "report.current"), msg(locale, "report.previous"));
        current.forEach((k, v) -> addRow(
                table, label(locale, prefix, k), number(v, locale), number(previous.getOrDefault(k, 0L), locale)));
    }

    private static void heading(XWPFDocument doc, String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setSpacingBefore(240);
        XWPFRun run = p.createRun();
        run.setBold(true);
        run.setFontFamily(WORD_FONT);
        run.setFontSize(13);
        run.setText(text);
    }

    private static void paragraph(XWPFDocument doc, String text, boolean bold, int size, ParagraphAlignment align) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(align);
        XWPFRun run = p.createRun();
        run.setBold(bold);
        run.setFontFamily(WORD_FONT);
        run.setFontSize(size);
        run.setText(text);
    }

    private static void picture(XWPFDocument doc, byte[] png, String name) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        try {
            p.createRun()
                    .addPicture(
                            new ByteArrayInputStream(png),
                            Document.PICTURE_TYPE_PNG,
                            name,
                            Units.toEMU(450),
                            Units.toEMU(450.0 * ReportCharts.HEIGHT / ReportCharts.WIDTH));
        } catch (IOException | org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new IllegalStateException("a chart could not be added to the Word file", e);
        }
    }

    private static XWPFTable table(XWPFDocument doc, String... header) {
        XWPFTable table = doc.createTable(1, header.length);
        table.setWidth("100%");
        XWPFTableRow first = table.getRow(0);
        for (int i = 0; i < header.length; i++) {
            cell(first, i, header[i], true);
        }
        return table;
    }

    private static void addRow(XWPFTable table, String... values) {
        XWPFTableRow row = table.createRow();
        for (int i = 0; i < values.length; i++) {
            cell(row, i, values[i], false);
        }
    }

    private static void cell(XWPFTableRow row, int i, String text, boolean bold) {
        XWPFParagraph p = row.getCell(i).getParagraphs().get(0);
        XWPFRun run = p.createRun();
        run.setBold(bold);
        run.setFontFamily(WORD_FONT);
        run.setFontSize(11);
        run.setText(text);
    }

    // ---- PDF ----

    byte[] pdf(SummaryReport.Report r, Locale locale) {
        Map<String, String> images = new LinkedHashMap<>();
        charts.draw(r, locale)
                .forEach((k, png) -> images.put(
                        k, "data:image/png;base64," + Base64.getEncoder().encodeToString(png)));
        Context context = new Context(locale);
        context.setVariable("report", r);
        context.setVariable(
                "sections", ReportLayout.rows(r.figures(), r.previous().figures()));
        context.setVariable("charts", images);
        context.setVariable("periodLine", periodLine(r, locale));
        context.setVariable("scope", scope(r.period(), locale));
        context.setVariable("generated", DAY.format(LocalDate.now()));
        context.setVariable("numbers", new Numbers(locale));
        String html = templates.process("oversight/report-print", context);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(() -> ReportFiles.class.getResourceAsStream("/fonts/DejaVuSans.ttf"), "DejaVu Sans");
            builder.useFont(
                    () -> ReportFiles.class.getResourceAsStream("/fonts/DejaVuSans-Bold.ttf"),
                    "DejaVu Sans",
                    700,
                    com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle.NORMAL,
                    true);
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Numbers as the reader's language writes them (1.234,5 in Vietnamese), for the print template. */
    public record Numbers(Locale locale) {

        public String format(Number n) {
            return number(n, locale);
        }
    }

    // ---- Excel ----

    byte[] xlsx(SummaryReport.Report r, Locale locale) {
        try (Workbook wb = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = wb.createCellStyle();
            var font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle decimal = wb.createCellStyle();
            decimal.setDataFormat(wb.createDataFormat().getFormat("0.0"));
            Sheet summary = sheet(
                    wb,
                    msg(locale, "report.doc.sheet.summary"),
                    bold,
                    msg(locale, "report.doc.figure"),
                    msg(locale, "report.current"),
                    msg(locale, "report.previous"));
            ReportLayout.rows(r.figures(), r.previous().figures()).forEach((section, rows) -> {
                for (ReportLayout.Row row : rows) {
                    Row x = summary.createRow(summary.getLastRowNum() + 1);
                    x.createCell(0).setCellValue(msg(locale, "report.f." + row.name()));
                    numeric(x.createCell(1), row.current(), decimal);
                    numeric(x.createCell(2), row.previous(), decimal);
                }
            });
            table(
                    wb,
                    bold,
                    decimal,
                    msg(locale, "report.doc.sheet.byType"),
                    locale,
                    "caseType.",
                    r.figures().casesReceivedByType(),
                    r.previous().figures().casesReceivedByType());
            table(
                    wb,
                    bold,
                    decimal,
                    msg(locale, "report.doc.sheet.byChannel"),
                    locale,
                    "channel.",
                    r.figures().casesReceivedByChannel(),
                    r.previous().figures().casesReceivedByChannel());
            table(
                    wb,
                    bold,
                    decimal,
                    msg(locale, "report.doc.sheet.byOutcome"),
                    locale,
                    null,
                    r.figures().casesByOutcome(),
                    r.previous().figures().casesByOutcome());
            Sheet months = sheet(
                    wb,
                    msg(locale, "report.doc.sheet.byMonth"),
                    bold,
                    msg(locale, "report.month"),
                    msg(locale, "report.count"));
            r.figures().casesReceivedByMonth().forEach((m, n) -> {
                Row x = months.createRow(months.getLastRowNum() + 1);
                x.createCell(0).setCellValue(m);
                x.createCell(1).setCellValue(n);
            });
            Sheet steps = sheet(
                    wb,
                    msg(locale, "report.doc.sheet.byStep"),
                    bold,
                    msg(locale, "report.step"),
                    msg(locale, "report.step.count"),
                    msg(locale, "report.step.averageDaysUsed"),
                    msg(locale, "report.step.medianDaysUsed"),
                    msg(locale, "report.step.averageDaysAllowed"),
                    msg(locale, "report.step.timeSavedPercent"),
                    msg(locale, "report.step.onTimeRate"),
                    msg(locale, "report.step.onTimeStatutoryRate"));
            r.figures().timeSavedByStep().forEach((step, f) -> {
                Row x = steps.createRow(steps.getLastRowNum() + 1);
                x.createCell(0).setCellValue(msg(locale, "legalStep." + step));
                x.createCell(1).setCellValue(f.count());
                numeric(x.createCell(2), f.averageDaysUsed(), decimal);
                numeric(x.createCell(3), f.medianDaysUsed(), decimal);
                numeric(x.createCell(4), f.averageDaysAllowed(), decimal);
                numeric(x.createCell(5), f.timeSavedPercent(), decimal);
                numeric(x.createCell(6), f.onTimeRate(), decimal);
                numeric(x.createCell(7), f.onTimeStatutoryRate(), decimal);
            });
            table(
                    wb,
                    bold,
                    decimal,
                    msg(locale, "report.doc.sheet.byField"),
                    locale,
                    "program.field.",
                    r.figures().modelsByField(),
                    r.previous().figures().modelsByField());
            Sheet launched = sheet(
                    wb,
                    msg(locale, "report.doc.sheet.launched"),
                    bold,
                    msg(locale, "report.doc.kind"),
                    msg(locale, "report.doc.name"));
            r.figures().campaignTitles().forEach(t -> titleRow(launched, msg(locale, "program.kind.CAMPAIGN"), t));
            r.figures().driveTitles().forEach(t -> titleRow(launched, msg(locale, "program.kind.DRIVE"), t));
            Sheet text = sheet(wb, msg(locale, "report.doc.sheet.narrative"), bold, msg(locale, "report.narrative"));
            text.createRow(1).createCell(0).setCellValue(periodLine(r, locale));
            text.createRow(2).createCell(0).setCellValue(r.narrative());
            text.setColumnWidth(0, 200 * 256);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void table(
            Workbook wb,
            CellStyle bold,
            CellStyle decimal,
            String name,
            Locale locale,
            String prefix,
            Map<String, Long> current,
            Map<String, Long> previous) {
        Sheet s = sheet(wb, name, bold, name, msg(locale, "report.current"), msg(locale, "report.previous"));
        current.forEach((k, v) -> {
            Row x = s.createRow(s.getLastRowNum() + 1);
            x.createCell(0).setCellValue(label(locale, prefix, k));
            x.createCell(1).setCellValue(v);
            x.createCell(2).setCellValue(previous.getOrDefault(k, 0L));
        });
    }

    private static void titleRow(Sheet s, String kind, String title) {
        Row x = s.createRow(s.getLastRowNum() + 1);
        x.createCell(0).setCellValue(kind);
        x.createCell(1).setCellValue(title);
    }

    private static Sheet sheet(Workbook wb, String name, CellStyle bold, String... header) {
        Sheet s = wb.createSheet(WorkbookUtil.createSafeSheetName(name));
        Row first = s.createRow(0);
        for (int i = 0; i < header.length; i++) {
            Cell c = first.createCell(i);
            c.setCellValue(header[i]);
            c.setCellStyle(bold);
            s.setColumnWidth(i, (i == 0 ? 48 : 18) * 256);
        }
        return s;
    }

    private static void numeric(Cell cell, Number value, CellStyle decimal) {
        if (value == null) {
            cell.setBlank();
        } else if (value instanceof Double d) {
            cell.setCellValue(d);
            cell.setCellStyle(decimal);
        } else {
            cell.setCellValue(value.doubleValue());
        }
    }

    // ---- shared ----

    private String periodLine(SummaryReport.Report r, Locale locale) {
        return msg(
                locale,
                "report.doc.period",
                DAY.format(r.period().from()),
                DAY.format(r.period().to()),
                r.period().days(),
                DAY.format(r.previous().period().from()),
                DAY.format(r.previous().period().to()));
    }

    String scope(SummaryReport.Period p, Locale locale) {
        String agency = p.agency() == null
                ? msg(locale, "report.agency.both")
                : directory.agency(p.agency()).map(a -> a.name(locale)).orElse(p.agency());
        String where = p.unitName() != null
                ? p.unitName()
                : p.areaName() != null ? p.areaName() : msg(locale, "report.unit.all");
        return agency + " — " + where;
    }

    private String label(Locale locale, String prefix, String key) {
        if (prefix != null) {
            return msg(locale, prefix + key);
        }
        return "OPEN".equals(key) ? msg(locale, "report.outcome.OPEN") : msg(locale, "outcome." + key);
    }

    static String number(Number n, Locale locale) {
        if (n == null) {
            return "—";
        }
        java.text.NumberFormat f = java.text.NumberFormat.getNumberInstance(locale);
        f.setMaximumFractionDigits(1);
        return f.format(n);
    }

    private String msg(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
