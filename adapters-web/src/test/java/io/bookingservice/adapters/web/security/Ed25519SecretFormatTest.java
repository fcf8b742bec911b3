package io.bookingservice.adapters.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.junit.jupiter.api.Test;

class Ed25519SecretFormatTest {

    @Test
    void readsThePythonServiceKeysAndWritesThemBackByteForByte() {
        Ed25519PrivateKeyParameters privateKey = Ed25519SecretFormat.parsePrivateKey(LegacyJwtFixtures.privateKeySecret());
        Ed25519PublicKeyParameters publicKey = Ed25519SecretFormat.parsePublicKey(LegacyJwtFixtures.publicKeySecret());

        assertThat(privateKey.generatePublicKey().getEncoded()).isEqualTo(publicKey.getEncoded());
        assertThat(Ed25519SecretFormat.formatPrivateKey(privateKey)).isEqualTo(LegacyJwtFixtures.privateKeySecret());
        assertThat(Ed25519SecretFormat.formatPublicKey(publicKey)).isEqualTo(LegacyJwtFixtures.publicKeySecret());
    }

    @Test
    void acceptsAPlainPemAndSurroundingWhitespace() {
        String pem = new String(Base64.getDecoder().decode(LegacyJwtFixtures.publicKeySecret()), StandardCharsets.US_ASCII);

        Ed25519PublicKeyParameters fromPem = Ed25519SecretFormat.parsePublicKey("\n" + pem + "\n");
        Ed25519PublicKeyParameters fromSecret = Ed25519SecretFormat.parsePublicKey(" " + LegacyJwtFixtures.publicKeySecret() + "\n");

        assertThat(fromPem.getEncoded()).isEqualTo(fromSecret.getEncoded());
    }

    @Test
    void generatedKeysReadBackAsAMatchingPair() {
        Ed25519SecretFormat.EncodedKeyPair pair = Ed25519SecretFormat.generate(new SecureRandom());

        JwtKeys keys = JwtKeys.fromSecrets(pair.privateKeySecret(), pair.publicKeySecret());

        assertThat(keys.currentKid()).hasSize(43);
        assertThat(pair.toString()).doesNotContain(pair.privateKeySecret()).contains("redacted");
    }

    @Test
    void aPublicKeyIsNotAcceptedAsThePrivateKeyAndTheMessageHoldsNoKeyMaterial() {
        String publicSecret = LegacyJwtFixtures.publicKeySecret();

        assertThatThrownBy(() -> Ed25519SecretFormat.parsePrivateKey(publicSecret))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PRIVATE KEY")
                .message().doesNotContain(publicSecret.substring(0, 20));
    }

    @Test
    void garbageIsRefusedWithoutQuotingIt() {
        assertThatThrownBy(() -> Ed25519SecretFormat.parsePrivateKey("not*base64*secret"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("private key secret is not valid base64");
        assertThatThrownBy(() -> Ed25519SecretFormat.parsePublicKey(""))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keysOfDifferentPairsAreRefusedTogether() {
        Ed25519SecretFormat.EncodedKeyPair other = Ed25519SecretFormat.generate(new SecureRandom());

        assertThatThrownBy(() -> JwtKeys.fromSecrets(LegacyJwtFixtures.privateKeySecret(), other.publicKeySecret()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not belong");
    }

    @Test
    void kidIsTheRfc7638ThumbprintOfThePublicKey() {
        // RFC 8037 appendix A.3: thumbprint of the Ed25519 key of appendix A.2.
        byte[] rfcPublicKey = Base64.getUrlDecoder().decode("11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo");

        assertThat(JwtKeys.thumbprint(new Ed25519PublicKeyParameters(rfcPublicKey)))
                .isEqualTo("kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k");
    }

    @Test
    void aPreviousKeyEqualToTheCurrentOneIsIgnored() {
        JwtKeys keys = JwtKeys.fromSecrets(LegacyJwtFixtures.privateKeySecret(), LegacyJwtFixtures.publicKeySecret(),
                LegacyJwtFixtures.publicKeySecret());

        assertThat(keys.previousKid()).isEmpty();
        assertThat(keys.toString()).contains(keys.currentKid()).doesNotContain(LegacyJwtFixtures.privateKeySecret());
    }
}
