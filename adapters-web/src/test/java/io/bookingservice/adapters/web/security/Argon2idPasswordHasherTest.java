package io.bookingservice.adapters.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class Argon2idPasswordHasherTest {

    private static final String PHC_PATTERN =
            "^\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}$";

    private final Argon2idPasswordHasher hasher = new Argon2idPasswordHasher();

    @ParameterizedTest
    @CsvSource(delimiter = ' ', value = {
        "Admin-Pass-2024! $2b$12$NjNQgZarzNYj4ylwSXrstut35wV7ZroDwaF8MhDD1lpgM9FrHmogu",
        "Requester#Pass1 $2b$12$UDDtqv8zQjbyR5dfog9lA.P6mHzQ78NmjQ.2VtiZZDdxOroy332Me",
        "Disabled#Pass1 $2b$12$WEN3lQU4FUCZ1XucqaMXReU.k3Mo5J3dkZwuwFik09WMIBJVHPW7u"})
    void thePythonServicesBcryptHashesVerifyTheirPasswordsOnly(String password, String hash) {
        assertThat(hasher.verify(password, hash)).isTrue();
        assertThat(hasher.verify(password + "x", hash)).isFalse();
        assertThat(hasher.verify(password.toLowerCase(), hash)).isFalse();
        assertThat(hasher.needsRehash(hash)).isTrue();
    }

    @Test
    void aBcryptPasswordLongerThan72BytesIsCheckedOnItsFirst72BytesAsPasslibDid() {
        // 'é' is two bytes in UTF-8: 36 of them are exactly 72 bytes; whatever follows, bcrypt never saw.
        String first72Bytes = "é".repeat(36);
        byte[] cut = first72Bytes.getBytes(StandardCharsets.UTF_8);
        assertThat(cut).hasSize(72);
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        String legacyHash = OpenBSDBCrypt.generate("2b", cut, salt, 4);

        assertThat(hasher.verify(first72Bytes + "and-anything-after", legacyHash)).isTrue();
        assertThat(hasher.verify(first72Bytes, legacyHash)).isTrue();
        assertThat(hasher.verify("é".repeat(35), legacyHash)).isFalse();
    }

    @Test
    void aBcryptCutThroughTheMiddleOfACharacterStillMatchesPasslib() {
        // 71 ASCII bytes then a 2-byte character: passlib kept its first byte only.
        String password = "a".repeat(71) + "é" + "tail";
        byte[] first72 = Arrays.copyOf(password.getBytes(StandardCharsets.UTF_8), 72);
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        String legacyHash = OpenBSDBCrypt.generate("2b", first72, salt, 4);

        assertThat(hasher.verify(password, legacyHash)).isTrue();
        // "ф" starts with another byte than "é"; "ü" would share the kept byte and match, as in passlib.
        assertThat(hasher.verify("a".repeat(71) + "ф", legacyHash)).isFalse();
        assertThat(hasher.verify("a".repeat(71) + "ü", legacyHash)).isTrue();
    }

    @Test
    void aPasswordWithANulByteNeverMatchesABcryptHash() {
        byte[] salt = new byte[16];
        String legacyHash = OpenBSDBCrypt.generate("2b", "abc".getBytes(StandardCharsets.UTF_8), salt, 4);

        assertThat(hasher.verify("abc", legacyHash)).isTrue();
        assertThat(hasher.verify("abc\0def", legacyHash)).isFalse();
    }

    /** Issue 9 §3: a refusal before bcrypt ran answered at once, telling a bcrypt account apart. */
    @Test
    void aPasswordWithANulByteStillGoesThroughBcrypt() {
        List<String> checked = new ArrayList<>();
        Argon2idPasswordHasher recording = new Argon2idPasswordHasher(Argon2Cost.DEFAULT, new SecureRandom(),
                (hash, password) -> {
                    checked.add(new String(password, StandardCharsets.UTF_8));
                    return OpenBSDBCrypt.checkPassword(hash, password);
                });
        String legacyHash = OpenBSDBCrypt.generate("2b", "abc".getBytes(StandardCharsets.UTF_8), new byte[16], 4);

        assertThat(recording.verify("abc\0def", legacyHash)).isFalse();
        assertThat(recording.verify("abc\0", legacyHash)).isFalse();
        assertThat(checked).containsExactly("abc\0def", "abc\0");
    }

    @Test
    void argon2idRoundTripsInThePhcFormat() {
        String hash = hasher.hash("correct horse battery staple");

        assertThat(hash).matches(PHC_PATTERN);
        assertThat(hasher.verify("correct horse battery staple", hash)).isTrue();
        assertThat(hasher.verify("correct horse battery staplE", hash)).isFalse();
        assertThat(hasher.needsRehash(hash)).isFalse();
    }

    @Test
    void eachHashHasItsOwnSalt() {
        assertThat(hasher.hash("same password")).isNotEqualTo(hasher.hash("same password"));
    }

    @Test
    void newPasswordsAreNeverTruncated() {
        String longPassword = "p".repeat(128);
        String hash = hasher.hash(longPassword);

        assertThat(hasher.verify(longPassword, hash)).isTrue();
        assertThat(hasher.verify("p".repeat(127), hash)).isFalse();
        assertThat(hasher.verify("p".repeat(72), hash)).isFalse();
    }

    @Test
    void verifiesArgon2idHashesMadeByTheReferenceImplementation() {
        // Made with the reference argon2 CLI (Debian package argon2):
        //   echo -n 'Pässwörd' | argon2 saltsaltsaltsalt -id -t 3 -m 15 -p 2 -l 32 -e
        String reference = "$argon2id$v=19$m=32768,t=3,p=2$c2FsdHNhbHRzYWx0c2FsdA$g8CwLKrMffcg7znfT9Q2vIsbzgrE6pvL37jAEXLsros";
        //   echo -n password | argon2 somesalt -id -t 2 -m 16 -p 1 -l 32 -e
        String shortSalt = "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";

        assertThat(hasher.verify("Pässwörd", reference)).isTrue();
        assertThat(hasher.verify("Passwort", reference)).isFalse();
        assertThat(hasher.needsRehash(reference)).isFalse();
        assertThat(hasher.verify("password", shortSalt)).isTrue();
        assertThat(hasher.needsRehash(shortSalt)).as("an 8-byte salt is weaker than ours").isTrue();
    }

    @Test
    void weakerArgon2ParametersNeedARehashAndStrongerOnesDoNot() {
        Argon2idPasswordHasher stronger = new Argon2idPasswordHasher(new Argon2Cost(24_576, 3, 1), new SecureRandom());
        String currentHash = hasher.hash("pw");
        String strongerHash = stronger.hash("pw");

        assertThat(stronger.needsRehash(currentHash)).isTrue();
        assertThat(hasher.needsRehash(strongerHash)).isFalse();
        assertThat(hasher.verify("pw", strongerHash)).isTrue();
    }

    @Test
    void aHashInNoKnownFormatIsAnErrorNotAWrongPassword() {
        assertThatThrownBy(() -> hasher.verify("pw", "$1$plainmd5crypt$abc"))
                .isInstanceOf(IllegalArgumentException.class)
                .message().doesNotContain("plainmd5crypt");
        assertThatThrownBy(() -> hasher.needsRehash("{bcrypt}$2b$12$NjNQgZarzNYj4ylwSXrstut35wV7ZroDwaF8MhDD1lpgM9FrHmogu"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aStoredHashDemandingAbsurdMemoryIsRefusedBeforeAnyWork() {
        String planted = "$argon2id$v=19$m=99999999,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";

        assertThatThrownBy(() -> hasher.verify("pw", planted))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("outside the supported range");
    }

    @Test
    void costsBelowTheMinimumAreRefused() {
        assertThatThrownBy(() -> new Argon2Cost(8192, 2, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Argon2Cost(19_456, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
