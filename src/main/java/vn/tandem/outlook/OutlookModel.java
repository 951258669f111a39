package vn.tandem.outlook;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import vn.tandem.common.Text;
import vn.tandem.situation.SignalCategory;
import vn.tandem.situation.SignalRisk;

/**
 * The outlook's one formula, the same for the pages and the backtest. A unit's score on a day is the sum of:
 *
 * <ul>
 *   <li>each signal's risk weight, halved every {@code HALF_LIFE_DAYS} days since it was reported (signals older
 *       than eight half-lives count nothing);
 *   <li>for each case open that day: its crowd, level-skipping and hot-spot flags, a petitioner seen on an earlier
 *       case, and a reopening (each its weight);
 *   <li>each SLA breach of the unit's cases in the last 30 days.
 * </ul>
 *
 * The contributions grouped by kind (signals by category) are the reasons, largest first.
 */
public final class OutlookModel {

    /** Breaches older than this many days no longer count. */
    static final int BREACH_WINDOW_DAYS = 30;
    /** A signal is mentioned in the reasons as "in N days" over this many half-lives. */
    static final int REASON_HALF_LIVES = 1;

    private OutlookModel() {}

    /** A signal of the unit: what it is about, how risky, when it was reported. */
    public record SignalFact(SignalCategory category, SignalRisk risk, LocalDate reportedOn) {}

    /**
     * A case of the unit: when it came and closed (null: still open), its flags, whether one of its petitioners
     * brought an earlier case, when it was reopened (null: never), and the days its steps breached their deadlines.
     */
    public record CaseFact(
            LocalDate receivedOn,
            LocalDate closedOn,
            boolean crowd,
            boolean levelSkipping,
            boolean hotspot,
            boolean repeatPetitioner,
            LocalDate reopenedOn,
            List<LocalDate> breachedOn) {

        boolean openOn(LocalDate day) {
            return !receivedOn.isAfter(day) && (closedOn == null || closedOn.isAfter(day));
        }
    }

    /** What the outlook reads about one unit. */
    public record UnitFacts(List<SignalFact> signals, List<CaseFact> cases) {}

    /** The weights and thresholds (codes as in the {@code outlook_weight} table). */
    public record Weights(Map<String, Double> values) {

        public static final List<String> CODES = List.of(
                "RISK_LOW",
                "RISK_MEDIUM",
                "RISK_HIGH",
                "RISK_CRITICAL",
                "HALF_LIFE_DAYS",
                "CROWD",
                "LEVEL_SKIPPING",
                "HOTSPOT",
                "SLA_BREACH",
                "REPEAT_PETITIONER",
                "REOPENED",
                "LEVEL_ELEVATED",
                "LEVEL_HIGH",
                "LEVEL_CRITICAL");

        /** The shipped defaults (the same as the migration seeds; fixed before the backtest was run). */
        public static Weights defaults() {
            return new Weights(Map.ofEntries(
                    Map.entry("RISK_LOW", 0.5),
                    Map.entry("RISK_MEDIUM", 1.5),
                    Map.entry("RISK_HIGH", 4.0),
                    Map.entry("RISK_CRITICAL", 8.0),
                    Map.entry("HALF_LIFE_DAYS", 14.0),
                    Map.entry("CROWD", 3.0),
                    Map.entry("LEVEL_SKIPPING", 4.0),
                    Map.entry("HOTSPOT", 6.0),
                    Map.entry("SLA_BREACH", 1.5),
                    Map.entry("REPEAT_PETITIONER", 2.0),
                    Map.entry("REOPENED", 2.5),
                    Map.entry("LEVEL_ELEVATED", 5.0),
                    Map.entry("LEVEL_HIGH", 12.0),
                    Map.entry("LEVEL_CRITICAL", 24.0)));
        }

        public double get(String code) {
            Double value = values.get(code);
            return value == null ? defaults().values().get(code) : value;
        }

        double risk(SignalRisk risk) {
            return get("RISK_" + risk.name());
        }
    }

    /** One reason: its words and how much of the score it makes. */
    public record Reason(Text text, double contribution) {}

    /** A unit's score on a day, its level and reasons (largest first). */
    public record Score(double score, OutlookLevel level, List<Reason> reasons) {}

    /** The score of a unit on {@code day}. */
    public static Score score(UnitFacts facts, LocalDate day, Weights w) {
        double halfLife = Math.max(1, w.get("HALF_LIFE_DAYS"));
        Map<SignalCategory, double[]> byCategory = new EnumMap<>(SignalCategory.class);
        double total = 0;
        int recentDays = (int) Math.round(halfLife * REASON_HALF_LIVES);
        for (SignalFact s : facts.signals()) {
            long age = ChronoUnit.DAYS.between(s.reportedOn(), day);
            if (age < 0 || age > halfLife * 8) {
                continue;
            }
            double c = w.risk(s.risk()) * Math.pow(0.5, age / halfLife);
            total += c;
            double[] acc = byCategory.computeIfAbsent(s.category(), k -> new double[2]);
            acc[0] += c;
            if (age <= recentDays) {
                acc[1]++;
            }
        }
        List<Reason> reasons = new ArrayList<>();
        byCategory.forEach((category, acc) -> {
            if (acc[1] > 0) {
                reasons.add(new Reason(
                        Text.of("outlook.reason.signals." + category.name(), (int) acc[1], recentDays), acc[0]));
            } else {
                reasons.add(new Reason(Text.of("outlook.reason.olderSignals." + category.name()), acc[0]));
            }
        });
        int crowd = 0;
        int skipping = 0;
        int hotspots = 0;
        int repeat = 0;
        int reopened = 0;
        int breaches = 0;
        for (CaseFact c : facts.cases()) {
            for (LocalDate b : c.breachedOn()) {
                long age = ChronoUnit.DAYS.between(b, day);
                if (age >= 0 && age < BREACH_WINDOW_DAYS) {
                    breaches++;
                }
            }
            if (!c.openOn(day)) {
                continue;
            }
            crowd += c.crowd() ? 1 : 0;
            skipping += c.levelSkipping() ? 1 : 0;
            hotspots += c.hotspot() ? 1 : 0;
            repeat += c.repeatPetitioner() ? 1 : 0;
            reopened += c.reopenedOn() != null && !c.reopenedOn().isAfter(day) ? 1 : 0;
        }
        total += add(reasons, crowd, w.get("CROWD"), "outlook.reason.crowd");
        total += add(reasons, skipping, w.get("LEVEL_SKIPPING"), "outlook.reason.levelSkipping");
        total += add(reasons, hotspots, w.get("HOTSPOT"), "outlook.reason.hotspot");
        total += add(reasons, repeat, w.get("REPEAT_PETITIONER"), "outlook.reason.repeatPetitioner");
        total += add(reasons, reopened, w.get("REOPENED"), "outlook.reason.reopened");
        total += add(reasons, breaches, w.get("SLA_BREACH"), "outlook.reason.slaBreach");
        reasons.sort(Comparator.comparingDouble(Reason::contribution).reversed());
        double rounded = Math.round(total * 10) / 10.0;
        return new Score(rounded, level(rounded, w), List.copyOf(reasons));
    }

    private static double add(List<Reason> reasons, int count, double weight, String key) {
        if (count == 0 || weight == 0) {
            return 0;
        }
        double c = count * weight;
        reasons.add(new Reason(Text.of(key, count), c));
        return c;
    }

    static OutlookLevel level(double score, Weights w) {
        if (score >= w.get("LEVEL_CRITICAL")) {
            return OutlookLevel.CRITICAL;
        }
        if (score >= w.get("LEVEL_HIGH")) {
            return OutlookLevel.HIGH;
        }
        if (score >= w.get("LEVEL_ELEVATED")) {
            return OutlookLevel.ELEVATED;
        }
        return OutlookLevel.LOW;
    }

    /** The obvious ranking the outlook must beat: how many cases the unit has open that day. */
    public static int openCases(UnitFacts facts, LocalDate day) {
        return (int) facts.cases().stream().filter(c -> c.openOn(day)).count();
    }
}
