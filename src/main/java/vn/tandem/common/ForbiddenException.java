package vn.tandem.common;

/** The user may see the object but not do this with it. */
public class ForbiddenException extends TandemException {

    public ForbiddenException(String messageCode, Object... args) {
        super(messageCode, args);
    }

    @Override
    public int status() {
        return 403;
    }
}
