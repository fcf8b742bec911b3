/**
 * Framework-level security building blocks for the web adapter; no application classes.
 *
 * <ul>
 *   <li>Tokens: {@link io.bookingservice.adapters.web.security.JwtKeys#fromSecrets} reads the
 *       {@code private_key_{env}} / {@code public_key_{env}} secrets (and the {@code AWSPREVIOUS}
 *       public key) into the {@link io.bookingservice.adapters.web.security.JwtKeyHolder} that the signer
 *       and the decoder share, replaced as a whole after a rotation;
 *       {@link io.bookingservice.adapters.web.security.Ed25519JwtSigner} issues tokens for
 *       {@code /token}; {@link io.bookingservice.adapters.web.security.Ed25519JwtDecoder} is the
 *       {@code JwtDecoder} bean the bearer filter uses. Both parse and serialise with Nimbus
 *       JOSE+JWT and sign and verify with BouncyCastle's Ed25519 ({@code BouncyCastleEd25519Signer},
 *       {@code BouncyCastleEd25519Verifier}, Nimbus's {@code JWSSigner}/{@code JWSVerifier}). Its refusals are
 *       {@link io.bookingservice.adapters.web.security.JwtRejectedException}s: the authentication
 *       entry point answers "Token has expired" when
 *       {@link io.bookingservice.adapters.web.security.JwtRejectedException#reasonOf} is
 *       {@code EXPIRED}, else "Could not validate credentials".</li>
 *   <li>Passwords: {@link io.bookingservice.adapters.web.security.Argon2idPasswordHasher} (argon2id,
 *       legacy bcrypt) behind {@link io.bookingservice.adapters.web.security.BoundedPasswordHasher};
 *       {@link io.bookingservice.adapters.web.security.HashingSaturatedException} becomes 503 with
 *       {@code Retry-After}.</li>
 *   <li>Login and password-change throttling: {@link io.bookingservice.adapters.web.security.LoginThrottle}
 *       over a Bucket4j {@code ProxyManager} ({@link io.bookingservice.adapters.web.security.ThrottleStores}
 *       in memory, or a shared one); a denied {@code Decision} becomes 429 with {@code Retry-After},
 *       an unreachable store ({@link io.bookingservice.adapters.web.security.ThrottleUnavailableException})
 *       503.</li>
 * </ul>
 */
package io.bookingservice.adapters.web.security;
