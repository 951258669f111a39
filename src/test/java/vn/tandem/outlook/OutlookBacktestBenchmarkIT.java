package vn.tandem.outlook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The outlook's proof (docs/benchmarks.md): five seeds of a two-year history of 48 units, scored every week after
 * the cut-off two weeks ahead with the shipped weights, against the naive ranking by open cases. Fails unless the
 * outlook's mean ROC AUC beats the naive one's by at least 0.05. Run with {@code ./mvnw verify -Pbenchmark
 * -Dit.test=OutlookBacktestBenchmarkIT}.
 */
@Tag("benchmark")
class OutlookBacktestBenchmarkIT {

    static final long[] SEEDS = {1, 2, 3, 4, 5};
    static final int UNITS = 48;

    @Test
    void theOutlookBeatsTheNaiveRankingOverFiveSeeds() throws Exception {
        List<String> rows = new ArrayList<>();
        double outlookAuc = 0;
        double naiveAuc = 0;
        double outlookP5 = 0;
        double naiveP5 = 0;
        for (long seed : SEEDS) {
            Backtest.World world = Backtest.generate(seed, UNITS);
            assertThat(world.shareOfHotspotsWithoutRise()).isGreaterThanOrEqualTo(0.30);
            assertThat(world.shareOfRisesWithoutHotspot()).isGreaterThanOrEqualTo(0.50);
            Backtest.Quality outlook = Backtest.evaluate(world, Backtest::outlook);
            Backtest.Quality naive = Backtest.evaluate(world, Backtest::naive);
            outlookAuc += outlook.auc();
            naiveAuc += naive.auc();
            outlookP5 += outlook.precisionAt5();
            naiveP5 += naive.precisionAt5();
            rows.add(String.format(
                    Locale.ROOT,
                    "| %d | %d | %d (%.0f%%) | %d (%.0f%%) | %d | %.3f | %.3f | %.3f | %.3f |",
                    seed,
                    UNITS,
                    world.hotspots(),
                    100 * world.shareOfHotspotsWithoutRise(),
                    world.rises().size(),
                    100 * world.shareOfRisesWithoutHotspot(),
                    outlook.positives(),
                    outlook.auc(),
                    naive.auc(),
                    outlook.precisionAt5(),
                    naive.precisionAt5()));
        }
        int n = SEEDS.length;
        rows.add(String.format(
                Locale.ROOT,
                "| mean | | | | | %.3f | %.3f | %.3f | %.3f |",
                outlookAuc / n,
                naiveAuc / n,
                outlookP5 / n,
                naiveP5 / n));
        String table = "| seed | units | hot spots (no earlier rise) | rises (no hot spot) | positive unit-weeks"
                + " | outlook AUC | naive AUC | outlook P@5 | naive P@5 |\n|---|---|---|---|---|---|---|---|---|\n"
                + String.join("\n", rows) + "\n";
        System.out.println(table);
        Files.createDirectories(Path.of("target/benchmarks"));
        Files.writeString(Path.of("target/benchmarks/outlook-backtest.md"), table);
        assertThat(outlookAuc / n).isGreaterThanOrEqualTo(naiveAuc / n + 0.05);
    }
}
