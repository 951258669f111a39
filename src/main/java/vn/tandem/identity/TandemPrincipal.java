package vn.tandem.identity;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The Spring Security principal: a {@link CurrentUser} plus the credentials checked at login. */
public final class TandemPrincipal implements UserDetails, CredentialsContainer {

    private final CurrentUser user;
    private String password;
    private final boolean enabled;

    TandemPrincipal(CurrentUser user, String password, boolean enabled) {
        this.user = user;
        this.password = password;
        this.enabled = enabled;
    }

    /** A signed-in user without credentials (a session restored, an API token, a test's request). */
    public static TandemPrincipal of(CurrentUser user) {
        return new TandemPrincipal(user, null, true);
    }

    public CurrentUser user() {
        return user;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return user.roles().stream()
                .map(r -> new SimpleGrantedAuthority("ROLE_" + r.name()))
                .toList();
    }

    @Override
    public String getPassword() {
        return password;
    }

    @Override
    public String getUsername() {
        return user.username();
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        password = null;
    }

    List<String> groups() {
        return user.groups();
    }

    /** Principals are the same person when their user names are (the session registry relies on it). */
    @Override
    public boolean equals(Object other) {
        return other instanceof TandemPrincipal p && p.user.username().equals(user.username());
    }

    @Override
    public int hashCode() {
        return user.username().hashCode();
    }
}
