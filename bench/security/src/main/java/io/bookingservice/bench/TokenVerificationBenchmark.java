package io.bookingservice.bench;

import io.bookingservice.adapters.web.security.Ed25519JwtDecoder;
import io.bookingservice.adapters.web.security.Ed25519JwtSigner;
import io.bookingservice.adapters.web.security.Ed25519SecretFormat;
import io.bookingservice.adapters.web.security.JwtKeys;
import io.bookingservice.adapters.web.security.JwtSettings;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * What one authenticated request pays for its token: our whole decode (BouncyCastle
 * Ed25519 + claim checks) against the JDK's {@code Signature("Ed25519")} verifying the same
 * signature, the baseline measured in the same run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TokenVerificationBenchmark {

    private Ed25519JwtDecoder decoder;
    private String token;
    private PublicKey jdkPublicKey;
    private byte[] signingInput;
    private byte[] signature;

    @Setup
    public void setUp() throws GeneralSecurityException {
        Ed25519SecretFormat.EncodedKeyPair pair = Ed25519SecretFormat.generate(new SecureRandom());
        JwtKeys keys = JwtKeys.fromSecrets(pair.privateKeySecret(), pair.publicKeySecret());
        JwtSettings settings = JwtSettings.defaults("booking-service", "booking-service");
        Clock clock = Clock.systemUTC();
        token = new Ed25519JwtSigner(keys, settings, clock).issue("admin", "admin").tokenValue();
        decoder = new Ed25519JwtDecoder(keys, settings, clock);

        int lastDot = token.lastIndexOf('.');
        signingInput = token.substring(0, lastDot).getBytes(StandardCharsets.US_ASCII);
        signature = Base64.getUrlDecoder().decode(token.substring(lastDot + 1));
        byte[] spki = Ed25519SecretFormat.parsePublicKey(pair.publicKeySecret()).getEncoded();
        jdkPublicKey = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(withSpkiHeader(spki)));
    }

    @Benchmark
    public Jwt ourDecoder() {
        return decoder.decode(token);
    }

    @Benchmark
    public boolean jdkSignatureVerifyOnly() throws GeneralSecurityException {
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(jdkPublicKey);
        verifier.update(signingInput);
        return verifier.verify(signature);
    }

    /** SubjectPublicKeyInfo for a raw 32-byte Ed25519 key (RFC 8410). */
    private static byte[] withSpkiHeader(byte[] raw) {
        byte[] header = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};
        byte[] spki = new byte[header.length + raw.length];
        System.arraycopy(header, 0, spki, 0, header.length);
        System.arraycopy(raw, 0, spki, header.length, raw.length);
        return spki;
    }
}
