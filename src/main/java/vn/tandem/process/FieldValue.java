package vn.tandem.process;

/** A submitted form field: its name, its label (Vietnamese, English) and its value as the user saw it. */
public record FieldValue(String name, String label, String labelEn, String type, Object value, String display) {
}
