package io.bookingservice.adapters.web.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import io.bookingservice.adapters.web.security.JwtRejectedException.Reason;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * Spring Security {@link JwtDecoder} for EdDSA (Ed25519) tokens. Nimbus JOSE+JWT decodes the
 * parts, parses the JSON (refusing duplicate top-level members) and the typed JWS header, and runs
 * the verification through {@link BouncyCastleEd25519Verifier}, BouncyCastle's low-level Ed25519
 * (about ten times faster here than the JDK's {@code Signature("Ed25519")}). What Nimbus does not
 * check is checked here, before it sees the token: the length, canonical unpadded base64url, valid
 * UTF-8, and duplicate members below the top level.
 *
 * <p>Checks, in this order, so that nothing but the header is parsed before the signature holds
 * and a forged token can never be told "expired":
 * <ol>
 *   <li>shape: at most {@value #MAX_TOKEN_LENGTH} characters, three canonical base64url parts,
 *       header a JSON object without duplicate members;</li>
 *   <li>header: {@code alg} exactly {@code EdDSA}; no {@code jku}, {@code jwk}, {@code x5u},
 *       {@code x5c}, {@code crit}; {@code typ}, if present, {@code JWT};</li>
 *   <li>key: a {@code kid} selects the current or the previous key, an unknown kid is refused;
 *       no kid is a legacy Python token, tried with the current then the previous key, and only
 *       while {@link JwtSettings#acceptLegacyTokens()} is on;</li>
 *   <li>signature (64 bytes, canonical S);</li>
 *   <li>claims: {@code sub} a non-blank string, {@code exp} a number and after now; {@code nbf} and
 *       {@code iat}, if present, not after now (all with {@link JwtSettings#clockSkew()});
 *       a legacy token (no kid) or one without {@code iat} ending at most
 *       {@link #LEGACY_MAX_LIFETIME} (plus the skew) from now;
 *       with a kid, {@code iss} equal to and {@code aud} containing the configured values;
 *       without a kid, no {@code iss}/{@code aud} at all (that is not a token the Python service
 *       minted).</li>
 * </ol>
 *
 * <p>Every refusal is a {@link JwtRejectedException} carrying its {@link Reason}. The returned
 * {@link Jwt} has {@code exp}, {@code iat}, {@code nbf} as {@link Instant}s and {@code aud} as a
 * list of strings, as Spring's own decoders produce them. Thread-safe.
 */
public final class Ed25519JwtDecoder implements JwtDecoder {

    /**
     * The Python service issued every token for 30 minutes and never wrote {@code iat}: a legacy
     * token living longer than this (plus the clock skew) was not minted by it.
     */
    public static final Duration LEGACY_MAX_LIFETIME = Duration.ofMinutes(30);

    /** Far above our tokens (~400 characters); bounds the work an anonymous caller can cause. */
    public static final int MAX_TOKEN_LENGTH = 8192;

    private static final Set<String> FORBIDDEN_HEADERS = Set.of("jku", "jwk", "x5u", "x5c", "crit");
    // Duplicate members are refused: another JSON parser reading the same token must not be able
    // to see a different alg or exp than we did. Nimbus refuses them at the top level; nested
    // objects (rare: none of our tokens has one) are scanned with Jackson's streaming parser.
    private static final JsonFactory DUPLICATE_SCAN = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final JwtKeyHolder keyHolder;
    private final JwtSettings settings;
    private final Clock clock;

    /** Verifies with the keys {@code keyHolder} holds at the time of each call (they are re-read after a rotation). */
    public Ed25519JwtDecoder(JwtKeyHolder keyHolder, JwtSettings settings, Clock clock) {
        this.keyHolder = Objects.requireNonNull(keyHolder, "keyHolder");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Verifies with fixed keys. */
    public Ed25519JwtDecoder(JwtKeys keys, JwtSettings settings, Clock clock) {
        this(new JwtKeyHolder(keys), settings, clock);
    }

    /**
     * Verifies {@code token} and returns its contents.
     *
     * @throws JwtRejectedException for every token that is not accepted (see {@link Reason})
     */
    @Override
    public Jwt decode(String token) throws JwtException {
        if (token == null || token.isEmpty()) {
            throw new JwtRejectedException(Reason.MALFORMED, "Token is empty");
        }
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw new JwtRejectedException(Reason.MALFORMED, "Token is too long");
        }
        int firstDot = token.indexOf('.');
        int secondDot = firstDot < 0 ? -1 : token.indexOf('.', firstDot + 1);
        if (secondDot < 0 || token.indexOf('.', secondDot + 1) >= 0) {
            throw new JwtRejectedException(Reason.MALFORMED, "Token must have three parts");
        }

        Base64URL headerPart = canonicalBase64url(token, 0, firstDot);
        Map<String, Object> header = parseObject(headerPart, "header");
        checkHeader(header);
        JWSHeader jwsHeader;
        try {
            jwsHeader = JWSHeader.parse(header, headerPart);
        } catch (ParseException e) {
            // A member of the wrong type (a numeric kid, a typ that is not a string, ...).
            throw new JwtRejectedException(Reason.MALFORMED, "Token header is not a valid JWS header", e);
        }
        Base64URL signature = canonicalBase64url(token, secondDot + 1, token.length());
        // The signing input is the token's own text; the payload's spelling is checked once the
        // signature holds, as all of its content.
        byte[] signingInput = token.substring(0, secondDot).getBytes(StandardCharsets.US_ASCII);

        // One read: the whole token is checked against one set of keys, even mid-rotation.
        JwtKeys keys = keyHolder.current();
        Object kid = header.get("kid");
        boolean legacy = kid == null;
        if (legacy) {
            if (!settings.acceptLegacyTokens()) {
                throw new JwtRejectedException(Reason.LEGACY_TOKEN_REFUSED, "Token without key id refused");
            }
            verifyWithAny(jwsHeader, signingInput, signature, keys.legacyPublicKeys());
        } else {
            if (!(kid instanceof String kidText)) {
                throw new JwtRejectedException(Reason.MALFORMED, "Token key id is not a string");
            }
            Ed25519PublicKeyParameters key = keys.publicKeyFor(kidText)
                    .orElseThrow(() -> new JwtRejectedException(Reason.UNKNOWN_KEY, "Token key id is unknown"));
            verifyWithAny(jwsHeader, signingInput, signature, List.of(key));
        }

        Map<String, Object> claims = parseObject(canonicalBase64url(token, firstDot + 1, secondDot), "payload");
        Map<String, Object> converted = checkClaims(claims, legacy);
        return Jwt.withTokenValue(token)
                .headers(h -> h.putAll(header))
                .claims(c -> c.putAll(converted))
                .build();
    }

    private static void checkHeader(Map<String, Object> header) {
        if (!"EdDSA".equals(header.get("alg"))) {
            throw new JwtRejectedException(Reason.UNSUPPORTED_ALGORITHM, "Token algorithm is not EdDSA");
        }
        for (String name : FORBIDDEN_HEADERS) {
            if (header.containsKey(name)) {
                throw new JwtRejectedException(Reason.FORBIDDEN_HEADER, "Token header is not allowed");
            }
        }
        Object typ = header.get("typ");
        if (typ != null && !(typ instanceof String text && text.equalsIgnoreCase("JWT"))) {
            throw new JwtRejectedException(Reason.MALFORMED, "Token type is not JWT");
        }
    }

    private static void verifyWithAny(JWSHeader header, byte[] signingInput, Base64URL signature,
                                      List<Ed25519PublicKeyParameters> candidates) {
        for (Ed25519PublicKeyParameters key : candidates) {
            try {
                if (new BouncyCastleEd25519Verifier(key).verify(header, signingInput, signature)) {
                    return;
                }
            } catch (JOSEException e) {
                // Only an algorithm other than EdDSA gets here, and checkHeader refused those already.
                throw new JwtRejectedException(Reason.UNSUPPORTED_ALGORITHM, "Token algorithm is not EdDSA", e);
            }
        }
        throw new JwtRejectedException(Reason.BAD_SIGNATURE, "Token signature is invalid");
    }

    private Map<String, Object> checkClaims(Map<String, Object> claims, boolean legacy) {
        Object sub = claims.get("sub");
        if (sub == null) {
            throw new JwtRejectedException(Reason.MISSING_CLAIM, "Token has no subject");
        }
        if (!(sub instanceof String subject) || subject.isBlank()) {
            throw new JwtRejectedException(Reason.MALFORMED, "Token subject is not a string");
        }
        Instant exp = instantClaim(claims, "exp")
                .orElseThrow(() -> new JwtRejectedException(Reason.MISSING_CLAIM, "Token has no expiry"));
        Optional<Instant> nbf = instantClaim(claims, "nbf");
        Optional<Instant> iat = instantClaim(claims, "iat");

        Instant now = clock.instant();
        // As PyJWT: expired when exp <= now - leeway, so a token dies at the second it names.
        if (!exp.isAfter(now.minus(settings.clockSkew()))) {
            throw new JwtRejectedException(Reason.EXPIRED, "Token has expired");
        }
        Instant latestAcceptable = now.plus(settings.clockSkew());
        if (nbf.filter(t -> t.isAfter(latestAcceptable)).isPresent()
                || iat.filter(t -> t.isAfter(latestAcceptable)).isPresent()) {
            throw new JwtRejectedException(Reason.NOT_YET_VALID, "Token is not yet valid");
        }
        // Without iat the age of a token is unknown, so only its exp bounds it; the Python service
        // never issued one for longer than 30 minutes (its tokens have no kid and no iat).
        if ((legacy || iat.isEmpty()) && exp.isAfter(latestAcceptable.plus(LEGACY_MAX_LIFETIME))) {
            throw new JwtRejectedException(Reason.LIFETIME_TOO_LONG, "Token lifetime is longer than allowed");
        }

        Object iss = claims.get("iss");
        Object aud = claims.get("aud");
        List<String> audience = null;
        if (legacy) {
            if (iss != null || aud != null) {
                // The Python service never set iss/aud; a token that has them but no kid is not one of its tokens.
                throw new JwtRejectedException(Reason.UNKNOWN_KEY, "Token without key id is not a legacy token");
            }
        } else {
            if (!settings.issuer().equals(iss)) {
                throw new JwtRejectedException(Reason.WRONG_ISSUER, "Token issuer is not accepted");
            }
            audience = audienceOf(aud);
            if (!audience.contains(settings.audience())) {
                throw new JwtRejectedException(Reason.WRONG_AUDIENCE, "Token audience is not accepted");
            }
        }

        Map<String, Object> converted = new LinkedHashMap<>(claims);
        converted.put("exp", exp);
        nbf.ifPresent(t -> converted.put("nbf", t));
        iat.ifPresent(t -> converted.put("iat", t));
        if (audience != null) {
            converted.put("aud", audience);
        }
        return converted;
    }

    private static List<String> audienceOf(Object aud) {
        if (aud instanceof String single) {
            return List.of(single);
        }
        if (aud instanceof List<?> many) {
            List<String> audience = new ArrayList<>(many.size());
            for (Object each : many) {
                if (!(each instanceof String text)) {
                    throw new JwtRejectedException(Reason.MALFORMED, "Token audience is not a string");
                }
                audience.add(text);
            }
            return List.copyOf(audience);
        }
        if (aud == null) {
            throw new JwtRejectedException(Reason.WRONG_AUDIENCE, "Token audience is not accepted");
        }
        throw new JwtRejectedException(Reason.MALFORMED, "Token audience is not a string");
    }

    /** A NumericDate claim (seconds since the epoch, possibly fractional), if present. */
    private static Optional<Instant> instantClaim(Map<String, Object> claims, String name) {
        Object value = claims.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof Number number)) {
            throw new JwtRejectedException(Reason.MALFORMED, "Token time claim is not a number");
        }
        try {
            BigDecimal seconds = new BigDecimal(number.toString());
            BigDecimal whole = seconds.setScale(0, RoundingMode.FLOOR);
            long nanos = seconds.subtract(whole).movePointRight(9).setScale(0, RoundingMode.FLOOR).longValueExact();
            return Optional.of(Instant.ofEpochSecond(whole.longValueExact(), nanos));
        } catch (ArithmeticException | NumberFormatException | DateTimeException e) {
            throw new JwtRejectedException(Reason.MALFORMED, "Token time claim is out of range", e);
        }
    }

    /**
     * A part's JSON object, parsed by Nimbus (which refuses duplicate top-level members), from
     * strictly decoded UTF-8; nested objects are also scanned for duplicate members.
     */
    private static Map<String, Object> parseObject(Base64URL part, String name) {
        String json;
        try {
            json = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(part.decode())).toString();
        } catch (CharacterCodingException e) {
            throw new JwtRejectedException(Reason.MALFORMED, "Token " + name + " is not UTF-8", e);
        }
        Map<String, Object> object;
        try {
            object = JSONObjectUtils.parse(json, MAX_TOKEN_LENGTH);
        } catch (ParseException e) {
            // The parser's message may quote the token's content; the cause keeps the detail for debugging.
            throw new JwtRejectedException(Reason.MALFORMED, "Token " + name + " is not a JSON object", e);
        }
        if (object.values().stream().anyMatch(value -> value instanceof Map || value instanceof Collection)) {
            refuseNestedDuplicates(json, name);
        }
        return object;
    }

    private static void refuseNestedDuplicates(String json, String name) {
        try (JsonParser parser = DUPLICATE_SCAN.createParser(ObjectReadContext.empty(), json)) {
            while (parser.nextToken() != null) {
                // reading every token is the check
            }
        } catch (JacksonException e) {
            throw new JwtRejectedException(Reason.MALFORMED, "Token " + name + " is not a JSON object", e);
        }
    }

    /**
     * {@code token[from, to)} if it is unpadded base64url in its one canonical spelling: only the
     * URL-safe alphabet, no padding, a length that whole bytes can have, and zero in the unused
     * low bits of the last character. (Nimbus's decoder skips characters it does not know, so
     * one token would otherwise have many spellings.)
     */
    private static Base64URL canonicalBase64url(String token, int from, int to) {
        if (from == to) {
            throw new JwtRejectedException(Reason.MALFORMED, "Token part is empty");
        }
        int last = 0;
        for (int i = from; i < to; i++) {
            last = sextet(token.charAt(i));
            if (last < 0) {
                throw new JwtRejectedException(Reason.MALFORMED, "Token is not base64url");
            }
        }
        int unusedBits = switch ((to - from) % 4) {
            case 0 -> 0;
            case 2 -> 4;
            case 3 -> 2;
            default -> throw new JwtRejectedException(Reason.MALFORMED, "Token is not base64url");
        };
        if ((last & ((1 << unusedBits) - 1)) != 0) {
            throw new JwtRejectedException(Reason.MALFORMED, "Token is not canonical base64url");
        }
        return new Base64URL(token.substring(from, to));
    }

    /** The value of a base64url character, or -1. */
    private static int sextet(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        return c == '-' ? 62 : c == '_' ? 63 : -1;
    }
}
