package vn.tandem.situation;

/** How likely a signal is to flare into an incident or a hot spot. */
public enum SignalRisk {
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL
}
