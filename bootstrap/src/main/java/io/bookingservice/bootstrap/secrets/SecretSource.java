package io.bookingservice.bootstrap.secrets;

import java.util.Optional;

/**
 * Named secrets (database URL, JWT keys, operator passwords). Values are cached after the
 * first read; callers never log them.
 */
public interface SecretSource {

    /**
     * The current version (AWSCURRENT), read once and then served from the cache.
     *
     * @throws SecretUnavailableException when it does not exist or cannot be read and nothing is cached
     */
    String current(String name);

    /** The version before the current one (AWSPREVIOUS), e.g. the previous JWT key; empty when there is none. */
    Optional<String> previous(String name);

    /**
     * Reads the current version again (after the database refused a rotated password). When the
     * store cannot be reached the cached value is kept and returned, so a short outage of the
     * secret store never takes a working value away.
     */
    String refresh(String name);

    /**
     * Reads the current version from the store now (the JWT keys' periodic re-read) and caches it.
     * Unlike {@link #refresh}, a failure is thrown rather than hidden behind the cached value, so
     * the caller can keep a consistent set of values.
     *
     * @throws SecretUnavailableException when it does not exist or cannot be read
     */
    String readCurrent(String name);

    /**
     * Reads the previous version (AWSPREVIOUS) from the store now and caches it; empty when there is none.
     *
     * @throws SecretUnavailableException when the store cannot be read
     */
    Optional<String> readPrevious(String name);

    /** Stores a new current version; the old one becomes the previous version. */
    void put(String name, String value);
}
