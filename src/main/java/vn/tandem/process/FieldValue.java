package vn.tandem.process;

/**
 * A submitted form field: its name, its label and its value as shown to users, in Vietnamese and English (an
 * enum option's English label, yes/no for a boolean).
 */
public record FieldValue(
        String name, String label, String labelEn, String type, Object value, String display, String displayEn) {}
