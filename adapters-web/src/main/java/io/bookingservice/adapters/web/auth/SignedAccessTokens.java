package io.bookingservice.adapters.web.auth;

import io.bookingservice.adapters.web.security.Ed25519JwtSigner;
import io.bookingservice.domain.user.SessionId;
import io.bookingservice.domain.user.User;
import java.time.Duration;

/** {@link AccessTokens} on the Ed25519 signer: the bootstrap's usual choice for the bean. */
public final class SignedAccessTokens implements AccessTokens {

    private final Ed25519JwtSigner signer;

    public SignedAccessTokens(Ed25519JwtSigner signer) {
        this.signer = signer;
    }

    @Override
    public IssuedToken issue(User user) {
        Ed25519JwtSigner.IssuedToken token = signer.issue(user.username().value(), user.role().code());
        return new IssuedToken(token.tokenValue(), Duration.ofSeconds(token.expiresInSeconds()));
    }

    @Override
    public IssuedToken issue(User user, SessionId session) {
        Ed25519JwtSigner.IssuedToken token = signer.issue(user.username().value(), user.role().code(),
                session.toString());
        return new IssuedToken(token.tokenValue(), Duration.ofSeconds(token.expiresInSeconds()));
    }
}
