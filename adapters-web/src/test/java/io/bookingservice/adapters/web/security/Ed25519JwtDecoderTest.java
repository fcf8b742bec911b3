package io.bookingservice.adapters.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.bookingservice.adapters.web.security.JwtRejectedException.Reason;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;

class Ed25519JwtDecoderTest {

    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
    private static final String ISSUER = "https://booking.example.test";
    private static final String AUDIENCE = "booking-api";
    private static final JwtSettings SETTINGS = JwtSettings.defaults(ISSUER, AUDIENCE);

    private final JwtKeys keys = LegacyJwtFixtures.keys();
    private final Ed25519PrivateKeyParameters privateKey =
            Ed25519SecretFormat.parsePrivateKey(LegacyJwtFixtures.privateKeySecret());
    private final Ed25519JwtDecoder decoder = decoderAt(NOW, SETTINGS, keys);

    private static Clock clockAt(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    private static Ed25519JwtDecoder decoderAt(Instant instant, JwtSettings settings, JwtKeys keys) {
        return new Ed25519JwtDecoder(keys, settings, clockAt(instant));
    }

    private String issuedToken() {
        return new Ed25519JwtSigner(keys, SETTINGS, clockAt(NOW)).issue("speaker.office", "requester").tokenValue();
    }

    private String header() {
        return "{\"alg\":\"EdDSA\",\"typ\":\"JWT\",\"kid\":\"" + keys.currentKid() + "\"}";
    }

    private static String claims(String extra) {
        return "{\"sub\":\"admin\",\"role\":\"admin\",\"iss\":\"" + ISSUER + "\",\"aud\":\"" + AUDIENCE + "\","
                + "\"iat\":" + NOW.getEpochSecond() + ",\"exp\":" + NOW.plusSeconds(600).getEpochSecond() + extra + "}";
    }

    private static void assertRejected(ThrowingCallable decoding, Reason reason) {
        assertThatThrownBy(decoding)
                .isInstanceOfSatisfying(JwtRejectedException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    @Test
    void aTokenInThePythonServicesShapeIsAccepted() {
        Jwt jwt = decoder.decode(LegacyJwtFixtures.pythonShapedToken("admin", "admin", NOW));

        assertThat(jwt.getSubject()).isEqualTo("admin");
        assertThat(jwt.getClaimAsString("role")).isEqualTo("admin");
        assertThat(jwt.getExpiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(30)));
        assertThat(jwt.getHeaders()).containsEntry("alg", "EdDSA").doesNotContainKey("kid");
    }

    /** Issue 9 §6: the Python service never issued a token for longer than 30 minutes. */
    @Test
    void theAdminTokenValidUntil2035IsRefusedAsLivingTooLong() {
        assertRejected(() -> decoder.decode(LegacyJwtFixtures.adminTokenValidUntil2035()), Reason.LIFETIME_TOO_LONG);
    }

    @Test
    void aLegacyTokenMayEndAtMostThirtyMinutesPlusTheClockSkewAhead() {
        Duration skew = Duration.ofSeconds(20);
        Ed25519JwtDecoder lenient = decoderAt(NOW, SETTINGS.withClockSkew(skew), keys);
        Instant limit = NOW.plus(Duration.ofMinutes(30)).plus(skew);

        assertThat(lenient.decode(LegacyJwtFixtures.pythonShapedTokenExpiringAt("admin", "admin", limit)).getSubject())
                .isEqualTo("admin");
        assertRejected(() -> lenient.decode(LegacyJwtFixtures.pythonShapedTokenExpiringAt("admin", "admin",
                limit.plusSeconds(1))), Reason.LIFETIME_TOO_LONG);
        assertRejected(() -> decoder.decode(LegacyJwtFixtures.pythonShapedTokenExpiringAt("admin", "admin",
                NOW.plus(Duration.ofMinutes(30)).plusSeconds(1))), Reason.LIFETIME_TOO_LONG);
    }

    @Test
    void aTokenWithKidButWithoutIssueTimeIsCappedLikeALegacyOne() {
        String claims = "{\"sub\":\"admin\",\"role\":\"admin\",\"iss\":\"" + ISSUER + "\",\"aud\":\"" + AUDIENCE + "\","
                + "\"exp\":" + NOW.plus(Duration.ofHours(2)).getEpochSecond() + "}";
        String token = TokenForge.signEd25519(privateKey, header(), claims);

        assertRejected(() -> decoder.decode(token), Reason.LIFETIME_TOO_LONG);
    }

    @Test
    void legacyTokensAreRefusedOnceTurnedOff() {
        Ed25519JwtDecoder strict = decoderAt(NOW, SETTINGS.withAcceptLegacyTokens(false), keys);

        assertRejected(() -> strict.decode(LegacyJwtFixtures.pythonShapedToken("admin", "admin", NOW)),
                Reason.LEGACY_TOKEN_REFUSED);
        assertThat(strict.decode(issuedToken()).getSubject()).isEqualTo("speaker.office");
    }

    @Test
    void theExpiredPythonTokenIsRejectedAsExpiredAndTheReasonSurvivesWrapping() {
        Throwable failure = org.assertj.core.api.Assertions.catchThrowable(
                () -> decoder.decode(LegacyJwtFixtures.requesterTokenExpired()));

        assertThat(failure).isInstanceOfSatisfying(JwtRejectedException.class, e -> assertThat(e.isExpired()).isTrue());
        JwtException wrapped = new JwtException("invalid", failure);
        assertThat(JwtRejectedException.reasonOf(wrapped)).contains(Reason.EXPIRED);
        assertThat(JwtRejectedException.reasonOf(new IllegalStateException("other"))).isEmpty();
    }

    @Test
    void aTokenWeSignRoundTrips() {
        Ed25519JwtSigner.IssuedToken issued = new Ed25519JwtSigner(keys, SETTINGS, clockAt(NOW.plusMillis(700)))
                .issue("speaker.office", "requester");

        Jwt jwt = decoder.decode(issued.tokenValue());

        assertThat(jwt.getHeaders()).containsEntry("alg", "EdDSA").containsEntry("typ", "JWT")
                .containsEntry("kid", keys.currentKid());
        assertThat(jwt.getSubject()).isEqualTo("speaker.office");
        assertThat(jwt.getClaimAsString("role")).isEqualTo("requester");
        assertThat(jwt.getClaimAsString("iss")).isEqualTo(ISSUER);
        assertThat(jwt.getAudience()).containsExactly(AUDIENCE);
        assertThat(jwt.getId()).isEqualTo(issued.jti());
        assertThat(jwt.getIssuedAt()).isEqualTo(NOW);
        assertThat(jwt.getExpiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(30)));
        assertThat(issued.expiresInSeconds()).isEqualTo(1800);
        assertThat(issued.toString()).doesNotContain(issued.tokenValue());
    }

    @Test
    void eachIssuedTokenHasItsOwnJti() {
        Ed25519JwtSigner signer = new Ed25519JwtSigner(keys, SETTINGS, clockAt(NOW));

        assertThat(signer.issue("admin", "admin").jti()).isNotEqualTo(signer.issue("admin", "admin").jti());
    }

    @Test
    void algNoneIsRejected() {
        String payload = TokenForge.b64(claims(""));
        String noneHeader = TokenForge.b64("{\"alg\":\"none\",\"typ\":\"JWT\",\"kid\":\"" + keys.currentKid() + "\"}");

        assertRejected(() -> decoder.decode(noneHeader + "." + payload + "."), Reason.UNSUPPORTED_ALGORITHM);
        assertRejected(() -> decoder.decode(noneHeader + "." + payload + ".c2ln"), Reason.UNSUPPORTED_ALGORITHM);
    }

    /** RFC 9864's fully-specified name, which newer Nimbus versions sign with: not ours, not the Python service's. */
    @Test
    void algEd25519IsRejectedEvenWhenTheSignatureIsGood() {
        String token = TokenForge.signEd25519(privateKey,
                "{\"alg\":\"Ed25519\",\"typ\":\"JWT\",\"kid\":\"" + keys.currentKid() + "\"}", claims(""));

        assertRejected(() -> decoder.decode(token), Reason.UNSUPPORTED_ALGORITHM);
    }

    @Test
    void newTokensAreSignedAsEdDsaWithExactlyTheThreeHeaderMembers() {
        assertThat(decoder.decode(issuedToken()).getHeaders()).containsOnly(entry("alg", "EdDSA"),
                entry("typ", "JWT"), entry("kid", keys.currentKid()));
    }

    @Test
    void hs256KeyedWithThePublicKeyIsRejected() {
        byte[] rawPublicKey = privateKey.generatePublicKey().getEncoded();
        byte[] pemPublicKey = Base64.getDecoder().decode(LegacyJwtFixtures.publicKeySecret());
        byte[] secretAsStored = LegacyJwtFixtures.publicKeySecret().getBytes(StandardCharsets.US_ASCII);
        String hsHeader = "{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"" + keys.currentKid() + "\"}";

        for (byte[] secret : List.of(rawPublicKey, pemPublicKey, secretAsStored)) {
            assertRejected(() -> decoder.decode(TokenForge.signHs256(secret, hsHeader, claims(""))), Reason.UNSUPPORTED_ALGORITHM);
            assertRejected(() -> decoder.decode(TokenForge.signHs256(secret, "{\"alg\":\"HS256\",\"typ\":\"JWT\"}",
                    "{\"sub\":\"admin\",\"role\":\"admin\",\"exp\":2051222400}")), Reason.UNSUPPORTED_ALGORITHM);
        }
    }

    @Test
    void aTamperedPayloadIsRejected() {
        String[] parts = issuedToken().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String promoted = TokenForge.b64(payload.replace("\"role\":\"requester\"", "\"role\":\"admin\""));
        assertThat(promoted).isNotEqualTo(parts[1]);

        assertRejected(() -> decoder.decode(parts[0] + "." + promoted + "." + parts[2]), Reason.BAD_SIGNATURE);
    }

    @Test
    void aTamperedHeaderIsRejected() {
        String[] parts = issuedToken().split("\\.");
        String otherHeader = TokenForge.b64("{\"typ\":\"JWT\",\"alg\":\"EdDSA\",\"kid\":\"" + keys.currentKid() + "\"}");
        assertThat(otherHeader).isNotEqualTo(parts[0]);

        assertRejected(() -> decoder.decode(otherHeader + "." + parts[1] + "." + parts[2]), Reason.BAD_SIGNATURE);
    }

    @Test
    void aTamperedSignatureIsRejected() {
        String[] parts = issuedToken().split("\\.");
        byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
        signature[10] ^= 0x01;

        assertRejected(() -> decoder.decode(parts[0] + "." + parts[1] + "." + TokenForge.b64(signature)), Reason.BAD_SIGNATURE);
        assertRejected(() -> decoder.decode(parts[0] + "." + parts[1] + "." + parts[2].substring(4)), Reason.BAD_SIGNATURE);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "\"jku\":\"https://attacker.example/keys\"",
        "\"jwk\":{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo\"}",
        "\"x5u\":\"https://attacker.example/cert.pem\"",
        "\"x5c\":[\"MIIB\"]",
        "\"crit\":[\"exp\"]"})
    void headersThatChooseTheirOwnKeyAreRejectedEvenWhenTheSignatureIsGood(String member) {
        String token = TokenForge.signEd25519(privateKey,
                "{\"alg\":\"EdDSA\",\"typ\":\"JWT\",\"kid\":\"" + keys.currentKid() + "\"," + member + "}", claims(""));

        assertRejected(() -> decoder.decode(token), Reason.FORBIDDEN_HEADER);
    }

    @Test
    void aTokenExpiresAtExactlyItsExpInstant() {
        String token = issuedToken();
        Instant expiry = NOW.plus(Duration.ofMinutes(30));

        assertThat(decoderAt(expiry.minusMillis(1), SETTINGS, keys).decode(token).getSubject()).isEqualTo("speaker.office");
        assertRejected(() -> decoderAt(expiry, SETTINGS, keys).decode(token), Reason.EXPIRED);
    }

    @Test
    void clockSkewExtendsExpiryByItsAmountOnly() {
        String token = issuedToken();
        JwtSettings lenient = SETTINGS.withClockSkew(Duration.ofSeconds(30));
        Instant expiry = NOW.plus(Duration.ofMinutes(30));

        assertThat(decoderAt(expiry.plusSeconds(29), lenient, keys).decode(token)).isNotNull();
        assertRejected(() -> decoderAt(expiry.plusSeconds(30), lenient, keys).decode(token), Reason.EXPIRED);
    }

    @Test
    void notBeforeInTheFutureIsRejected() {
        String token = TokenForge.signEd25519(privateKey, header(), claims(",\"nbf\":" + NOW.plusSeconds(60).getEpochSecond()));

        assertRejected(() -> decoder.decode(token), Reason.NOT_YET_VALID);
        assertThat(decoderAt(NOW.plusSeconds(60), SETTINGS, keys).decode(token).getNotBefore()).isEqualTo(NOW.plusSeconds(60));
    }

    @Test
    void issuedAtInTheFutureIsRejectedUnlessWithinTheSkew() {
        String token = TokenForge.signEd25519(privateKey, header(),
                "{\"sub\":\"admin\",\"iss\":\"" + ISSUER + "\",\"aud\":\"" + AUDIENCE + "\",\"iat\":"
                        + NOW.plusSeconds(20).getEpochSecond() + ",\"exp\":" + NOW.plusSeconds(600).getEpochSecond() + "}");

        assertRejected(() -> decoder.decode(token), Reason.NOT_YET_VALID);
        assertThat(decoderAt(NOW, SETTINGS.withClockSkew(Duration.ofSeconds(20)), keys).decode(token)).isNotNull();
    }

    @Test
    void aWrongIssuerIsRejected() {
        String token = new Ed25519JwtSigner(keys, JwtSettings.defaults("https://other.example", AUDIENCE), clockAt(NOW))
                .issue("admin", "admin").tokenValue();

        assertRejected(() -> decoder.decode(token), Reason.WRONG_ISSUER);
    }

    @Test
    void aWrongOrMissingAudienceIsRejectedAndAnAudienceListContainingOursIsAccepted() {
        String wrong = new Ed25519JwtSigner(keys, JwtSettings.defaults(ISSUER, "other-api"), clockAt(NOW))
                .issue("admin", "admin").tokenValue();
        String missing = TokenForge.signEd25519(privateKey, header(), "{\"sub\":\"admin\",\"iss\":\"" + ISSUER
                + "\",\"exp\":" + NOW.plusSeconds(600).getEpochSecond() + "}");
        String list = TokenForge.signEd25519(privateKey, header(), claims("").replace("\"aud\":\"" + AUDIENCE + "\"",
                "\"aud\":[\"other-api\",\"" + AUDIENCE + "\"]"));

        assertRejected(() -> decoder.decode(wrong), Reason.WRONG_AUDIENCE);
        assertRejected(() -> decoder.decode(missing), Reason.WRONG_AUDIENCE);
        assertThat(decoder.decode(list).getAudience()).containsExactly("other-api", AUDIENCE);
    }

    @Test
    void aKidNamingNoConfiguredKeyIsRejected() {
        Ed25519SecretFormat.EncodedKeyPair stranger = Ed25519SecretFormat.generate(new SecureRandom());
        JwtKeys strangerKeys = JwtKeys.fromSecrets(stranger.privateKeySecret(), stranger.publicKeySecret());
        String token = new Ed25519JwtSigner(strangerKeys, SETTINGS, clockAt(NOW)).issue("admin", "admin").tokenValue();

        assertRejected(() -> decoder.decode(token), Reason.UNKNOWN_KEY);
    }

    @Test
    void aForeignKeyClaimingOurKidIsRejected() {
        Ed25519PrivateKeyParameters stranger = new Ed25519PrivateKeyParameters(new SecureRandom());
        String token = TokenForge.signEd25519(stranger, header(), claims(""));

        assertRejected(() -> decoder.decode(token), Reason.BAD_SIGNATURE);
    }

    @Test
    void afterRotationThePreviousKeyIsSelectedByKidAndStillVerifiesLegacyTokens() {
        Ed25519SecretFormat.EncodedKeyPair next = Ed25519SecretFormat.generate(new SecureRandom());
        JwtKeys rotated = JwtKeys.fromSecrets(next.privateKeySecret(), next.publicKeySecret(), LegacyJwtFixtures.publicKeySecret());
        Ed25519JwtDecoder afterRotation = decoderAt(NOW, SETTINGS, rotated);
        String signedBeforeRotation = issuedToken();

        assertThat(rotated.previousKid()).contains(keys.currentKid());
        assertThat(afterRotation.decode(signedBeforeRotation).getSubject()).isEqualTo("speaker.office");
        assertThat(afterRotation.decode(LegacyJwtFixtures.pythonShapedToken("admin", "admin", NOW)).getSubject())
                .isEqualTo("admin");
        String signedAfterRotation = new Ed25519JwtSigner(rotated, SETTINGS, clockAt(NOW)).issue("admin", "admin").tokenValue();
        assertThat(afterRotation.decode(signedAfterRotation).getHeaders()).containsEntry("kid", rotated.currentKid());
        assertRejected(() -> decoder.decode(signedAfterRotation), Reason.UNKNOWN_KEY);
    }

    @Test
    void aTokenWithoutKidThatCarriesIssuerOrAudienceIsNotALegacyToken() {
        String token = TokenForge.signEd25519(privateKey, "{\"alg\":\"EdDSA\",\"typ\":\"JWT\"}", claims(""));

        assertRejected(() -> decoder.decode(token), Reason.UNKNOWN_KEY);
    }

    @Test
    void aTokenWithoutExpiryIsRejected() {
        String token = TokenForge.signEd25519(privateKey, "{\"alg\":\"EdDSA\",\"typ\":\"JWT\"}", "{\"sub\":\"admin\",\"role\":\"admin\"}");

        assertRejected(() -> decoder.decode(token), Reason.MISSING_CLAIM);
    }

    @Test
    void aStringExpiryIsMalformed() {
        String token = TokenForge.signEd25519(privateKey, "{\"alg\":\"EdDSA\",\"typ\":\"JWT\"}",
                "{\"sub\":\"admin\",\"role\":\"admin\",\"exp\":\"2051222400\"}");

        assertRejected(() -> decoder.decode(token), Reason.MALFORMED);
    }

    @Test
    void duplicateHeaderMembersAreRejected() {
        String token = TokenForge.signEd25519(privateKey,
                "{\"alg\":\"EdDSA\",\"alg\":\"none\",\"typ\":\"JWT\",\"kid\":\"" + keys.currentKid() + "\"}", claims(""));

        assertRejected(() -> decoder.decode(token), Reason.MALFORMED);
    }

    @Test
    void duplicateMembersAreRejectedWhicheverComesFirstAndAtAnyDepth() {
        String noneFirst = TokenForge.signEd25519(privateKey,
                "{\"alg\":\"none\",\"alg\":\"EdDSA\",\"typ\":\"JWT\",\"kid\":\"" + keys.currentKid() + "\"}", claims(""));
        String twoExpiries = TokenForge.signEd25519(privateKey, header(),
                claims(",\"exp\":" + NOW.plusSeconds(60_000).getEpochSecond()));
        String nested = TokenForge.signEd25519(privateKey, header(),
                claims(",\"ctx\":{\"role\":\"requester\",\"role\":\"admin\"}"));
        String nestedInAList = TokenForge.signEd25519(privateKey, header(),
                claims(",\"ctx\":[{\"a\":1,\"a\":2}]"));

        assertRejected(() -> decoder.decode(noneFirst), Reason.MALFORMED);
        assertRejected(() -> decoder.decode(twoExpiries), Reason.MALFORMED);
        assertRejected(() -> decoder.decode(nested), Reason.MALFORMED);
        assertRejected(() -> decoder.decode(nestedInAList), Reason.MALFORMED);
        assertThat(decoder.decode(TokenForge.signEd25519(privateKey, header(), claims(",\"ctx\":[{\"a\":1,\"b\":2}]")))
                .getClaims()).containsKey("ctx");
    }

    @Test
    void aPayloadThatIsNotUtf8IsMalformedAndANonCanonicalPayloadSpellingToo() {
        String header = TokenForge.b64(header());
        byte[] latin1 = claims(",\"name\":\"\u00e9\"").getBytes(StandardCharsets.ISO_8859_1);
        String invalidUtf8 = TokenForge.signEd25519Raw(privateKey, header, TokenForge.b64(latin1));

        assertRejected(() -> decoder.decode(invalidUtf8), Reason.MALFORMED);

        String padded = TokenForge.b64(claims(""));
        for (String extra = ""; padded.length() % 4 == 0; extra += " ") {
            padded = TokenForge.b64(claims("") + extra);
        }
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        char last = padded.charAt(padded.length() - 1);
        String respelled = padded.substring(0, padded.length() - 1) + alphabet.charAt(alphabet.indexOf(last) | 1);
        assertThat(Base64.getUrlDecoder().decode(respelled)).isEqualTo(Base64.getUrlDecoder().decode(padded));
        assertThat(decoder.decode(TokenForge.signEd25519Raw(privateKey, header, padded)).getSubject()).isEqualTo("admin");
        assertRejected(() -> decoder.decode(TokenForge.signEd25519Raw(privateKey, header, respelled)), Reason.MALFORMED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "garbage", "not.a.jwt", "a.b", "eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiJhZG1pbiJ9", "....", "a.b.c.d"})
    void garbageAndTokensWithoutThreePartsAreMalformed(String token) {
        assertRejected(() -> decoder.decode(token), Reason.MALFORMED);
    }

    @Test
    void twoPartsOfAValidTokenAreMalformed() {
        String[] parts = issuedToken().split("\\.");

        assertRejected(() -> decoder.decode(parts[0] + "." + parts[1]), Reason.MALFORMED);
    }

    @Test
    void paddedOrNonCanonicalBase64IsMalformed() {
        String token = issuedToken();
        String[] parts = token.split("\\.");

        assertRejected(() -> decoder.decode(token + "=="), Reason.MALFORMED);
        // 64 signature bytes leave 4 unused bits in the last character; setting one spells the same bytes differently.
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        char last = parts[2].charAt(parts[2].length() - 1);
        char respelled = alphabet.charAt(alphabet.indexOf(last) | 1);
        String sameBytesOtherSpelling = parts[2].substring(0, parts[2].length() - 1) + respelled;
        assertThat(Base64.getUrlDecoder().decode(sameBytesOtherSpelling)).isEqualTo(Base64.getUrlDecoder().decode(parts[2]));
        assertRejected(() -> decoder.decode(parts[0] + "." + parts[1] + "." + sameBytesOtherSpelling), Reason.MALFORMED);
        assertRejected(() -> decoder.decode(null), Reason.MALFORMED);
        assertRejected(() -> decoder.decode("a".repeat(Ed25519JwtDecoder.MAX_TOKEN_LENGTH + 1)), Reason.MALFORMED);
    }

    @Test
    void aTypOtherThanJwtIsRejected() {
        String token = TokenForge.signEd25519(privateKey,
                "{\"alg\":\"EdDSA\",\"typ\":\"dpop+jwt\",\"kid\":\"" + keys.currentKid() + "\"}", claims(""));

        assertRejected(() -> decoder.decode(token), Reason.MALFORMED);
    }
}
