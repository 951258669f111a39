package vn.tandem.common;

/** Too many requests from one client or for one thing in a window: 429, try again later. */
public class TooManyRequestsException extends TandemException {

    public TooManyRequestsException(String messageCode, Object... args) {
        super(messageCode, args);
    }

    @Override
    public int status() {
        return 429;
    }
}
