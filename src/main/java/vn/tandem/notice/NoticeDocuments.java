package vn.tandem.notice;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Notice documents: the built-in DOCX template of a notice type (the administrative layout, its words from the
 * message bundle, placeholders such as {@code {{code}}}), filling a template's placeholders wherever they stand in
 * paragraphs and tables, and the PDF of the filled document in the same layout with the bundled DejaVu Serif (Debian's Liberation Serif 1.x lacks the Vietnamese letters).
 */
@Component
class NoticeDocuments {

    /** The placeholders a template may use. */
    static final List<String> PLACEHOLDERS = List.of(
            "number",
            "unit",
            "place",
            "day",
            "month",
            "year",
            "petitioner",
            "code",
            "title",
            "received",
            "legal.ground",
            "recipient",
            "signer");

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    private static final String FONT = "Times New Roman";

    private final MessageSource messages;

    NoticeDocuments(MessageSource messages) {
        this.messages = messages;
    }

    /**
     * The built-in template of a notice type. Built once per type (its words come from the bundled messages, which do
     * not change while the application runs): every notice the law requires is filled from it, and building the DOCX
     * cost more than filling it.
     */
    byte[] builtIn(NoticeType type) {
        return builtIns.computeIfAbsent(type, this::build).clone();
    }

    private final Map<NoticeType, byte[]> builtIns = new java.util.concurrent.ConcurrentHashMap<>();

    private byte[] build(NoticeType type) {
        try (XWPFDocument doc = new XWPFDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            line(doc, "{{unit}}", true, ParagraphAlignment.LEFT);
            line(doc, msg("notice.national"), true, ParagraphAlignment.RIGHT);
            line(doc, msg("notice.motto"), true, ParagraphAlignment.RIGHT);
            line(doc, msg("notice.numberLine"), false, ParagraphAlignment.LEFT);
            line(doc, msg("notice.placeDate"), false, ParagraphAlignment.RIGHT);
            line(doc, msg("notice.heading", type), true, ParagraphAlignment.CENTER);
            line(doc, msg("notice.subject." + type), true, ParagraphAlignment.CENTER);
            line(doc, msg("notice.to", type), false, ParagraphAlignment.LEFT);
            line(doc, msg("notice.body." + type), false, ParagraphAlignment.BOTH);
            line(doc, msg("notice.ground"), false, ParagraphAlignment.BOTH);
            line(doc, msg("notice.signer"), true, ParagraphAlignment.RIGHT);
            line(doc, msg("notice.recipients", type), false, ParagraphAlignment.LEFT);
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void line(XWPFDocument doc, String text, boolean bold, ParagraphAlignment align) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(align);
        XWPFRun run = p.createRun();
        run.setBold(bold);
        run.setFontFamily(FONT);
        run.setFontSize(13);
        run.setText(text);
    }

    /** Whether the bytes are a DOCX that opens (an uploaded template). */
    static boolean opens(byte[] docx) {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            return doc.getParagraphs() != null;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The template with every {@code {{placeholder}}} replaced, even one split across runs. */
    byte[] fill(byte[] template, Map<String, String> values) {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(template));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (XWPFParagraph p : paragraphs(doc)) {
                String text = p.getText();
                if (!text.contains("{{")) {
                    continue;
                }
                String filled = text;
                for (Map.Entry<String, String> e : values.entrySet()) {
                    filled = filled.replace("{{" + e.getKey() + "}}", e.getValue() == null ? "" : e.getValue());
                }
                List<XWPFRun> runs = p.getRuns();
                for (int i = runs.size() - 1; i > 0; i--) {
                    p.removeRun(i);
                }
                if (runs.isEmpty()) {
                    p.createRun().setText(filled);
                } else {
                    runs.get(0).setText(filled, 0);
                }
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The filled document as PDF: its paragraphs in order, aligned and bold as in the Word file. */
    byte[] pdf(byte[] docx) {
        StringBuilder html = new StringBuilder(
                "<html><head><meta charset=\"utf-8\"/><style>@page{size:A4;margin:20mm 20mm 20mm 30mm}"
                        + "body{font-family:'DejaVu Serif';font-size:13pt;line-height:1.4}"
                        + "p{margin:0 0 6pt 0}.right{text-align:right}.center{text-align:center}"
                        + ".both{text-align:justify}.b{font-weight:bold}</style></head><body>");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (XWPFParagraph p : paragraphs(doc)) {
                String align = switch (p.getAlignment()) {
                    case RIGHT, END -> "right";
                    case CENTER -> "center";
                    case BOTH, DISTRIBUTE -> "both";
                    default -> "left";
                };
                boolean bold = !p.getRuns().isEmpty() && p.getRuns().get(0).isBold();
                html.append("<p class=\"")
                        .append(align)
                        .append(bold ? " b" : "")
                        .append("\">");
                html.append(HtmlUtils.htmlEscape(p.getText(), "UTF-8").replace("\n", "<br/>"));
                html.append("</p>");
            }
            html.append("</body></html>");
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(() -> NoticeDocuments.class.getResourceAsStream("/fonts/DejaVuSerif.ttf"), "DejaVu Serif");
            builder.useFont(
                    () -> NoticeDocuments.class.getResourceAsStream("/fonts/DejaVuSerif-Bold.ttf"),
                    "DejaVu Serif",
                    700,
                    BaseRendererBuilder.FontStyle.NORMAL,
                    true);
            builder.withHtmlContent(html.toString().replace("&nbsp;", "&#160;"), null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<XWPFParagraph> paragraphs(XWPFDocument doc) {
        List<XWPFParagraph> all = new ArrayList<>();
        for (IBodyElement e : doc.getBodyElements()) {
            if (e instanceof XWPFParagraph p) {
                all.add(p);
            } else if (e instanceof XWPFTable t) {
                t.getRows().forEach(r -> r.getTableCells().forEach(c -> all.addAll(c.getParagraphs())));
            }
        }
        return all;
    }

    private String msg(String key) {
        return messages.getMessage(key, null, VIETNAMESE);
    }

    /** A line of the layout that a notice type may word its own way ({@code key.TYPE}), else the common one. */
    private String msg(String key, NoticeType type) {
        String own = messages.getMessage(key + "." + type, null, null, VIETNAMESE);
        return own != null ? own : msg(key);
    }
}
