package io.bookingservice.adapters.web.security;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/** Builds tokens with whatever header and payload a test needs, the way an attacker would. */
final class TokenForge {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private TokenForge() {
    }

    static String b64(String json) {
        return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    static String b64(byte[] bytes) {
        return BASE64URL.encodeToString(bytes);
    }

    static String signEd25519(Ed25519PrivateKeyParameters key, String headerJson, String payloadJson) {
        return signEd25519Raw(key, b64(headerJson), b64(payloadJson));
    }

    /** Signs the parts exactly as spelled, whatever they decode to. */
    static String signEd25519Raw(Ed25519PrivateKeyParameters key, String encodedHeader, String encodedPayload) {
        String signingInput = encodedHeader + "." + encodedPayload;
        byte[] message = signingInput.getBytes(StandardCharsets.US_ASCII);
        byte[] signature = new byte[Ed25519.SIGNATURE_SIZE];
        key.sign(Ed25519.Algorithm.Ed25519, null, message, 0, message.length, signature, 0);
        return signingInput + "." + b64(signature);
    }

    static String signHs256(byte[] secret, String headerJson, String payloadJson) {
        String signingInput = b64(headerJson) + "." + b64(payloadJson);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return signingInput + "." + b64(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
