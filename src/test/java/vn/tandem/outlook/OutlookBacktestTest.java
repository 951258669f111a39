package vn.tandem.outlook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The backtest on one small seed (the five-seed run is a benchmark, {@code OutlookBacktestBenchmarkIT}): the
 * generated world is as hard as promised, and the outlook with the shipped weights beats the naive ranking by open
 * cases by at least 0.05 ROC AUC.
 */
class OutlookBacktestTest {

    @Test
    void theOutlookSeesHotSpotsComingBetterThanCountingOpenCases() {
        Backtest.World world = Backtest.generate(7, 40);
        assertThat(world.units()).hasSize(40);
        assertThat(world.shareOfHotspotsWithoutRise())
                .as("hot spots with no earlier rise")
                .isGreaterThanOrEqualTo(0.30);
        assertThat(world.shareOfRisesWithoutHotspot())
                .as("rises with no hot spot")
                .isGreaterThanOrEqualTo(0.50);
        Backtest.Quality outlook = Backtest.evaluate(world, Backtest::outlook);
        Backtest.Quality naive = Backtest.evaluate(world, Backtest::naive);
        System.out.printf(
                "backtest seed 7: hot spots %d (%.0f%% without a rise), rises %d (%.0f%% without a hot spot);"
                        + " outlook AUC %.3f P@5 %.3f, naive AUC %.3f P@5 %.3f%n",
                world.hotspots(),
                100 * world.shareOfHotspotsWithoutRise(),
                world.rises().size(),
                100 * world.shareOfRisesWithoutHotspot(),
                outlook.auc(),
                outlook.precisionAt5(),
                naive.auc(),
                naive.precisionAt5());
        assertThat(outlook.positives()).isGreaterThan(10);
        assertThat(outlook.auc())
                .as("outlook AUC %.3f vs naive %.3f", outlook.auc(), naive.auc())
                .isGreaterThanOrEqualTo(naive.auc() + 0.05);
    }

    @Test
    void aucIsRankBasedWithTiesCountingHalf() {
        assertThat(Backtest.auc(java.util.List.of(
                        new double[] {1, 0}, new double[] {2, 1}, new double[] {3, 0}, new double[] {4, 1})))
                .isEqualTo(0.75);
        assertThat(Backtest.auc(java.util.List.of(new double[] {1, 0}, new double[] {1, 1})))
                .isEqualTo(0.5);
    }
}
