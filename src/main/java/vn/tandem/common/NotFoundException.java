package vn.tandem.common;

/** Something that does not exist, or that the user may not see (both answer 404, so nothing leaks). */
public class NotFoundException extends TandemException {

    public NotFoundException(String messageCode, Object... args) {
        super(messageCode, args);
    }

    @Override
    public int status() {
        return 404;
    }
}
