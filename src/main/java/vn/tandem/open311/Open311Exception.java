package vn.tandem.open311;

/**
 * An Open311 error, answered in the specification's error format ({@code [{code, description}]} or
 * {@code <errors><error>…}) with the HTTP status {@code code}.
 */
public class Open311Exception extends RuntimeException {

    private final int code;

    public Open311Exception(int code, String description) {
        super(description);
        this.code = code;
    }

    public int code() {
        return code;
    }
}
