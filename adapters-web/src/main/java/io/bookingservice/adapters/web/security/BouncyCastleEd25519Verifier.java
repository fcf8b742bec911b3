package io.bookingservice.adapters.web.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.util.Base64URL;
import java.util.Objects;
import java.util.Set;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * A Nimbus {@link JWSVerifier} for {@code alg: EdDSA} over one Ed25519 public key, verified with
 * BouncyCastle's low-level Ed25519 (Nimbus's own {@code Ed25519Verifier} needs Google Tink, and
 * newer Nimbus versions name the algorithm {@code Ed25519}, which we do not accept). Only pure
 * Ed25519 signatures of exactly 64 bytes verify; BouncyCastle refuses a non-canonical S. A header
 * with {@code crit} never verifies: we understand no extension. Thread-safe.
 */
final class BouncyCastleEd25519Verifier implements JWSVerifier {

    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.EdDSA);

    private final Ed25519PublicKeyParameters publicKey;
    private final JCAContext jcaContext = new JCAContext();

    BouncyCastleEd25519Verifier(Ed25519PublicKeyParameters publicKey) {
        this.publicKey = Objects.requireNonNull(publicKey, "publicKey");
    }

    @Override
    public boolean verify(JWSHeader header, byte[] signingInput, Base64URL signature) throws JOSEException {
        if (!JWSAlgorithm.EdDSA.equals(header.getAlgorithm())) {
            throw new JOSEException("Unsupported JWS algorithm, must be EdDSA");
        }
        if (header.getCriticalParams() != null) {
            return false;
        }
        byte[] bytes = signature.decode();
        return bytes.length == Ed25519.SIGNATURE_SIZE
                && publicKey.verify(Ed25519.Algorithm.Ed25519, null, signingInput, 0, signingInput.length, bytes, 0);
    }

    @Override
    public Set<JWSAlgorithm> supportedJWSAlgorithms() {
        return ALGORITHMS;
    }

    @Override
    public JCAContext getJCAContext() {
        return jcaContext;
    }
}
