package io.bookingservice.adapters.web.auth;

import io.bookingservice.domain.user.SessionId;
import io.bookingservice.domain.user.User;

/**
 * Signs access tokens for users who logged in. The bootstrap provides the implementation (the
 * Ed25519 signer): tokens carry {@code sub} = username, {@code role}, {@code iat}, {@code exp}, and
 * must be accepted by the {@link org.springframework.security.oauth2.jwt.JwtDecoder} bean.
 */
public interface AccessTokens {

    IssuedToken issue(User user);

    /**
     * A token of the sign-in session {@code session}: it also carries the claim {@code sid}, and is
     * refused as soon as that session has ended.
     */
    IssuedToken issue(User user, SessionId session);
}
