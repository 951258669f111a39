package vn.tandem.common;

/**
 * Marks a request authenticated with a personal API token (the authentication's details implement it), so the
 * audit trail can record which token an action was made with.
 */
public interface ViaApiToken {

    long apiTokenId();
}
