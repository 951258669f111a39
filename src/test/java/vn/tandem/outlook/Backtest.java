package vn.tandem.outlook;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.ToDoubleBiFunction;
import vn.tandem.situation.SignalCategory;
import vn.tandem.situation.SignalRisk;

/**
 * The outlook's backtest: a generated two-year history of commune units in which hot spots follow rising signals
 * only in part (some rises calm down, some hot spots come without warning, and bigger units simply have more open
 * cases), scored week by week after a cut-off, two weeks ahead, against the naive ranking by open cases.
 */
final class Backtest {

    static final LocalDate START = LocalDate.of(2024, 1, 1); // a Monday
    static final int WEEKS = 104;
    static final int CUT_OFF = 52;
    static final int AHEAD = 2;

    private Backtest() {}

    /** A rise of tension: the weeks its signals come thicker and riskier. */
    record Rise(int unit, int from, int to, boolean endsInHotspot) {}

    /** One unit's generated history: its facts and the weeks a hot spot appeared. */
    record UnitHistory(OutlookModel.UnitFacts facts, List<Integer> hotspotWeeks) {}

    record World(List<UnitHistory> units, List<Rise> rises, int hotspots, int hotspotsWithoutRise) {

        double shareOfHotspotsWithoutRise() {
            return hotspots == 0 ? 0 : (double) hotspotsWithoutRise / hotspots;
        }

        double shareOfRisesWithoutHotspot() {
            return rises.isEmpty()
                    ? 0
                    : (double) rises.stream().filter(r -> !r.endsInHotspot()).count() / rises.size();
        }
    }

    static LocalDate day(int week, int dayOfWeek) {
        return START.plusWeeks(week).plusDays(dayOfWeek);
    }

    /** Generates a world of {@code units} units over two years. */
    static World generate(long seed, int units) {
        Random random = new Random(seed);
        List<UnitHistory> histories = new ArrayList<>();
        List<Rise> rises = new ArrayList<>();
        int hotspots = 0;
        int unwarned = 0;
        SignalCategory[] categories = SignalCategory.values();
        for (int u = 0; u < units; u++) {
            double size = Math.exp(random.nextGaussian() * 0.5); // about 0.4 to 2.7
            List<OutlookModel.SignalFact> signals = new ArrayList<>();
            List<OutlookModel.CaseFact> cases = new ArrayList<>();
            List<Integer> hotspotWeeks = new ArrayList<>();
            boolean[] rising = new boolean[WEEKS + AHEAD + 4];
            // rises: about one every 25 weeks, 3 to 6 weeks long; fewer than half end in a hot spot
            List<Rise> own = new ArrayList<>();
            for (int w = 0; w < WEEKS; w++) {
                if (random.nextDouble() < 0.04) {
                    int length = 3 + random.nextInt(4);
                    boolean hot = random.nextDouble() < 0.4;
                    Rise rise = new Rise(u, w, Math.min(WEEKS - 1, w + length - 1), hot);
                    own.add(rise);
                    for (int x = rise.from(); x <= rise.to(); x++) {
                        rising[x] = true;
                    }
                    if (hot) {
                        // the hot spot comes late in the rise or just after it
                        int at = rise.to() - 1 + random.nextInt(3);
                        if (at < WEEKS) {
                            hotspotWeeks.add(at);
                        }
                    }
                    w = rise.to() + 2;
                }
            }
            rises.addAll(own);
            // hot spots without warning: rarer, more likely in bigger units
            for (int w = 0; w < WEEKS; w++) {
                if (!nearRise(rising, w) && random.nextDouble() < 0.012 * size) {
                    hotspotWeeks.add(w);
                    unwarned++;
                }
            }
            hotspots += hotspotWeeks.size();
            for (int w = 0; w < WEEKS; w++) {
                // background signals: mostly low risk, more in bigger units
                int background = poisson(random, 0.6 * size);
                for (int i = 0; i < background; i++) {
                    SignalRisk risk = random.nextDouble() < 0.8 ? SignalRisk.LOW : SignalRisk.MEDIUM;
                    signals.add(new OutlookModel.SignalFact(
                            categories[random.nextInt(categories.length)], risk, day(w, random.nextInt(7))));
                }
                if (rising[w]) {
                    SignalCategory topic = categories[(u + w / 8) % categories.length];
                    int extra = 1 + poisson(random, 1.5);
                    for (int i = 0; i < extra; i++) {
                        double r = random.nextDouble();
                        SignalRisk risk = r < 0.35
                                ? SignalRisk.MEDIUM
                                : r < 0.8 ? SignalRisk.HIGH : r < 0.95 ? SignalRisk.CRITICAL : SignalRisk.LOW;
                        signals.add(new OutlookModel.SignalFact(topic, risk, day(w, random.nextInt(7))));
                    }
                }
                // cases: a steady flow by size, a few more in a rise; they stay open for weeks
                int arriving = poisson(random, 0.35 * size + (rising[w] ? 0.4 : 0));
                for (int i = 0; i < arriving; i++) {
                    cases.add(caseOf(random, w, rising[w], false));
                }
                if (hotspotWeeks.contains(w)) {
                    cases.add(caseOf(random, w, true, true));
                }
            }
            histories.add(new UnitHistory(new OutlookModel.UnitFacts(signals, cases), hotspotWeeks));
        }
        return new World(histories, rises, hotspots, unwarned);
    }

    private static boolean nearRise(boolean[] rising, int w) {
        for (int x = Math.max(0, w - 4); x <= w; x++) {
            if (rising[x]) {
                return true;
            }
        }
        return false;
    }

    private static OutlookModel.CaseFact caseOf(Random random, int week, boolean tense, boolean hotspot) {
        LocalDate received = day(week, random.nextInt(7));
        int openWeeks = 1 + poisson(random, tense ? 10 : 7);
        LocalDate closed = received.plusWeeks(openWeeks);
        List<LocalDate> breaches = new ArrayList<>();
        for (int w = 0; w < openWeeks; w++) {
            if (random.nextDouble() < (tense ? 0.06 : 0.03)) {
                breaches.add(received.plusWeeks(w).plusDays(random.nextInt(7)));
            }
        }
        boolean reopened = random.nextDouble() < 0.05;
        return new OutlookModel.CaseFact(
                received,
                closed,
                hotspot || random.nextDouble() < (tense ? 0.35 : 0.08),
                random.nextDouble() < (tense ? 0.25 : 0.04),
                hotspot,
                random.nextDouble() < (tense ? 0.3 : 0.12),
                reopened ? received.plusWeeks(Math.max(1, openWeeks / 2)) : null,
                breaches);
    }

    private static int poisson(Random random, double mean) {
        double l = Math.exp(-mean);
        double p = 1;
        int k = 0;
        do {
            k++;
            p *= random.nextDouble();
        } while (p > l);
        return k - 1;
    }

    /** One ranking's quality over the scored weeks: ROC AUC over every (unit, week) and mean precision at 5. */
    record Quality(double auc, double precisionAt5, int scoredWeeks, int positives) {}

    /** Scores every unit at the end of each week after the cut-off; positive when a hot spot comes within two weeks. */
    static Quality evaluate(World world, ToDoubleBiFunction<OutlookModel.UnitFacts, LocalDate> ranking) {
        List<double[]> pairs = new ArrayList<>(); // score, label
        double precisionSum = 0;
        int weeks = 0;
        int positives = 0;
        for (int w = CUT_OFF; w < WEEKS - AHEAD; w++) {
            LocalDate asOf = day(w, 6);
            List<double[]> week = new ArrayList<>();
            for (UnitHistory unit : world.units()) {
                boolean hot = false;
                for (int a = 1; a <= AHEAD; a++) {
                    hot |= unit.hotspotWeeks().contains(w + a);
                }
                // a hot spot already burning this week is not a forecast
                double score = ranking.applyAsDouble(unit.facts(), asOf);
                week.add(new double[] {score, hot ? 1 : 0});
            }
            pairs.addAll(week);
            week.sort(Comparator.comparingDouble((double[] p) -> -p[0]));
            double hits = 0;
            for (int i = 0; i < 5 && i < week.size(); i++) {
                hits += week.get(i)[1];
            }
            precisionSum += hits / 5;
            positives += (int) week.stream().filter(p -> p[1] == 1).count();
            weeks++;
        }
        return new Quality(auc(pairs), precisionSum / weeks, weeks, positives);
    }

    /** ROC AUC by ranks (Mann-Whitney), ties counting half. */
    static double auc(List<double[]> pairs) {
        List<double[]> sorted = new ArrayList<>(pairs);
        sorted.sort(Comparator.comparingDouble(p -> p[0]));
        double rankSumPositive = 0;
        long positives = 0;
        int i = 0;
        while (i < sorted.size()) {
            int j = i;
            while (j < sorted.size() && sorted.get(j)[0] == sorted.get(i)[0]) {
                j++;
            }
            double averageRank = (i + 1 + j) / 2.0;
            for (int k = i; k < j; k++) {
                if (sorted.get(k)[1] == 1) {
                    rankSumPositive += averageRank;
                    positives++;
                }
            }
            i = j;
        }
        long negatives = sorted.size() - positives;
        if (positives == 0 || negatives == 0) {
            return 0.5;
        }
        return (rankSumPositive - positives * (positives + 1) / 2.0) / (positives * (double) negatives);
    }

    /** The outlook with the shipped weights. */
    static double outlook(OutlookModel.UnitFacts facts, LocalDate asOf) {
        return OutlookModel.score(facts, asOf, OutlookModel.Weights.defaults()).score();
    }

    /** The naive ranking. */
    static double naive(OutlookModel.UnitFacts facts, LocalDate asOf) {
        return OutlookModel.openCases(facts, asOf);
    }
}
