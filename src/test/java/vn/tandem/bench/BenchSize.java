package vn.tandem.bench;

/**
 * How big a run is ({@code -Dbench.size=quick|full}). The full size is the one issue 19's targets are stated for:
 * 100,000 open cases, 1,000,000 historic cases, 5,000 simultaneous SLA warnings. The quick run checks the harness
 * and the size-independent targets in a few minutes.
 */
record BenchSize(
        String name,
        int warmUpCases,
        int flowCases,
        int flowRounds,
        int openCases,
        int historicCases,
        int slaCases,
        int requests,
        int dashboardRequests) {

    static BenchSize of(String name) {
        return switch (name == null || name.isBlank() ? "quick" : name) {
            case "quick" -> new BenchSize("quick", 20, 8, 2, 2_000, 20_000, 500, 200, 60);
            case "full" -> new BenchSize("full", 60, 40, 3, 100_000, 1_000_000, 5_000, 300, 200);
            default -> throw new IllegalArgumentException("bench.size is quick or full, not " + name);
        };
    }

    boolean full() {
        return "full".equals(name);
    }
}
