package vn.tandem.common;

/** The object changed under the user (task completed or claimed by someone else, a stale version). */
public class ConflictException extends TandemException {

    public ConflictException(String messageCode, Object... args) {
        super(messageCode, args);
    }

    @Override
    public int status() {
        return 409;
    }
}
