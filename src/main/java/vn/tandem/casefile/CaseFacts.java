package vn.tandem.casefile;

import java.time.Instant;

/**
 * What the risk outlook reads of a case, as one row of a projection: reading thousands of open cases as entities
 * (their collections, their snapshots for dirty checking) was most of the outlook panel's time on the dashboard.
 */
public record CaseFacts(
        Long id,
        Long unitId,
        Instant receivedAt,
        Instant closedAt,
        boolean crowd,
        boolean levelSkipping,
        boolean hotspot,
        Instant reopenedAt) {}
