package vn.tandem.oversight;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import vn.tandem.identity.Directory;

/**
 * The report's narrative paragraph, written from its figures in the style of the province's own reports: one clause
 * per figure, "none" (không có) for a zero, the range of time saved against the statutory limits, and a comparison
 * with the previous period. In the current locale's language; every phrase is a message.
 */
@Component
class Narrative {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final MessageSource messages;
    private final Directory directory;

    Narrative(MessageSource messages, Directory directory) {
        this.messages = messages;
        this.directory = directory;
    }

    String write(
            SummaryReport.Period period,
            SummaryReport.Figures f,
            SummaryReport.Period before,
            SummaryReport.Figures previous) {
        Locale locale = LocaleContextHolder.getLocale();
        List<String> groups = new ArrayList<>();
        groups.add(join(
                locale,
                count(locale, "campaigns", f.campaigns()),
                count(locale, "drives", f.drives()),
                count(locale, "models", f.models()),
                count(locale, "modelsActive", f.modelsActive())));
        groups.add(join(
                locale,
                f.receptions() == 0
                        ? msg(locale, "report.n.receptions.none")
                        : msg(locale, "report.n.receptions", f.receptions(), f.citizensReceived()),
                count(locale, "dialogues", f.dialogues())));
        groups.add(join(locale, received(locale, f), settled(locale, f), count(locale, "open", open(f))));
        groups.add(
                join(locale, count(locale, "complex", f.complexStabilized()), count(locale, "reopened", f.reopened())));
        groups.add(join(
                locale,
                count(locale, "hotspots", f.hotspots()),
                count(locale, "levelSkipping", f.levelSkipping()),
                count(locale, "crowd", f.crowd()),
                count(locale, "incidents", f.incidents()),
                f.signals() == 0
                        ? msg(locale, "report.n.signals.none")
                        : msg(locale, "report.n.signals", f.signals(), f.highRiskSignals())));
        groups.add(time(locale, f));
        groups.add(
                f.informationRequests() == 0
                        ? msg(locale, "report.n.exchange.none")
                        : msg(locale, "report.n.exchange", f.informationRequests(), f.informationAnsweredOnTime()));
        String body = String.join("; ", groups);
        String intro = msg(
                locale,
                "report.narrative.intro",
                DAY.format(period.from()),
                DAY.format(period.to()),
                scope(locale, period));
        String compare = msg(
                locale,
                "report.narrative.compare",
                DAY.format(before.from()),
                DAY.format(before.to()),
                change(locale, previous.casesReceived(), f.casesReceived()),
                rateChange(locale, previous.onTimeRate(), f.onTimeRate()));
        return intro + " " + body + ". " + compare;
    }

    private String scope(Locale locale, SummaryReport.Period p) {
        String agency = p.agency() == null
                ? msg(locale, "report.narrative.bothAgencies")
                : directory.agency(p.agency()).map(a -> a.name(locale)).orElse(p.agency());
        return p.areaName() == null
                ? msg(locale, "report.narrative.province", agency)
                : msg(locale, "report.narrative.unit", agency, p.areaName());
    }

    private String received(Locale locale, SummaryReport.Figures f) {
        if (f.casesReceived() == 0) {
            return msg(locale, "report.n.received.none");
        }
        List<String> parts = new ArrayList<>();
        f.casesReceivedByType().forEach((type, n) -> {
            if (n > 0) {
                parts.add(msg(
                        locale,
                        "report.n.ofType",
                        n,
                        msg(locale, "caseType." + type).toLowerCase(locale)));
            }
        });
        return msg(locale, "report.n.received", f.casesReceived(), String.join(", ", parts));
    }

    private String settled(Locale locale, SummaryReport.Figures f) {
        List<String> parts = new ArrayList<>();
        long total = 0;
        for (Map.Entry<String, Long> e : f.casesByOutcome().entrySet()) {
            if (!"OPEN".equals(e.getKey()) && e.getValue() > 0) {
                total += e.getValue();
                parts.add(msg(
                        locale,
                        "report.n.ofType",
                        e.getValue(),
                        msg(locale, "outcome." + e.getKey()).toLowerCase(locale)));
            }
        }
        return total == 0
                ? msg(locale, "report.n.settled.none")
                : msg(locale, "report.n.settled", total, String.join(", ", parts));
    }

    private static long open(SummaryReport.Figures f) {
        return f.casesByOutcome().getOrDefault("OPEN", 0L);
    }

    private String time(Locale locale, SummaryReport.Figures f) {
        if (f.stepsMeasured() == 0) {
            return msg(locale, "report.n.time.none");
        }
        double min = f.timeSavedByStep().values().stream()
                .mapToDouble(SummaryReport.StepFigures::timeSavedPercent)
                .min()
                .orElse(0);
        double max = f.timeSavedByStep().values().stream()
                .mapToDouble(SummaryReport.StepFigures::timeSavedPercent)
                .max()
                .orElse(0);
        String rates = msg(locale, "report.n.onTime", f.onTimeRate(), f.onTimeStatutoryRate());
        if (f.timeSavedPercent() < 0) {
            return rates + ", " + msg(locale, "report.n.time.longer", -f.timeSavedPercent());
        }
        String range = Math.round(min) == Math.round(max)
                ? msg(locale, "report.n.percent", Math.round(max))
                : msg(locale, "report.n.range", Math.round(Math.max(0, min)), Math.round(max));
        return rates + ", " + msg(locale, "report.n.time", range, f.timeSavedPercent());
    }

    private String change(Locale locale, long before, long now) {
        if (before == now) {
            return msg(locale, "report.change.same", now);
        }
        return msg(
                locale, now > before ? "report.change.up" : "report.change.down", Math.abs(now - before), before, now);
    }

    private String rateChange(Locale locale, Double before, Double now) {
        if (before == null || now == null) {
            return msg(locale, "report.change.noData");
        }
        if (Objects.equals(before, now)) {
            return msg(locale, "report.change.sameRate", now);
        }
        return msg(locale, now > before ? "report.change.upRate" : "report.change.downRate", before, now);
    }

    /** A count's clause: its own words for zero ("none"), the number otherwise. */
    private String count(Locale locale, String key, long n) {
        return n == 0 ? msg(locale, "report.n." + key + ".none") : msg(locale, "report.n." + key, n);
    }

    private static String join(Locale locale, String... clauses) {
        return String.join(", ", clauses);
    }

    private String msg(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
