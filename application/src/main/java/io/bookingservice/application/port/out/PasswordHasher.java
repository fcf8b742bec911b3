package io.bookingservice.application.port.out;

import io.bookingservice.domain.user.PasswordHash;

/** Hashes and checks passwords; hashes are stored in their standard self-describing form. */
public interface PasswordHasher {

    PasswordHash hash(String rawPassword);

    boolean verify(String rawPassword, PasswordHash hash);

    /** {@code true} when the hash uses an older scheme or weaker parameters than today's. */
    boolean needsRehash(PasswordHash hash);
}
