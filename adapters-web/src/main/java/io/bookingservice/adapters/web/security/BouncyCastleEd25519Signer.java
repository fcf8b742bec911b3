package io.bookingservice.adapters.web.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.util.Base64URL;
import java.util.Objects;
import java.util.Set;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * A Nimbus {@link JWSSigner} for {@code alg: EdDSA} with one Ed25519 private key, signed with
 * BouncyCastle's low-level Ed25519 (see {@link BouncyCastleEd25519Verifier} for why not Nimbus's
 * own). BouncyCastle caches the derived public key inside the private key, so a signature costs
 * one scalar multiplication. Thread-safe.
 */
final class BouncyCastleEd25519Signer implements JWSSigner {

    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.EdDSA);

    private final Ed25519PrivateKeyParameters privateKey;
    private final JCAContext jcaContext = new JCAContext();

    BouncyCastleEd25519Signer(Ed25519PrivateKeyParameters privateKey) {
        this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
    }

    @Override
    public Base64URL sign(JWSHeader header, byte[] signingInput) throws JOSEException {
        if (!JWSAlgorithm.EdDSA.equals(header.getAlgorithm())) {
            throw new JOSEException("Unsupported JWS algorithm, must be EdDSA");
        }
        byte[] signature = new byte[Ed25519.SIGNATURE_SIZE];
        privateKey.sign(Ed25519.Algorithm.Ed25519, null, signingInput, 0, signingInput.length, signature, 0);
        return Base64URL.encode(signature);
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
