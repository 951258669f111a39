package vn.tandem.program;

/** The field of a Dân vận khéo model. */
public enum ModelField {
    ECONOMY,
    CULTURE_SOCIETY,
    SECURITY_ORDER,
    POLITICAL_SYSTEM
}
