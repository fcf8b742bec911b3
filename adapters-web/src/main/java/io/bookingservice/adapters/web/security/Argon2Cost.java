package io.bookingservice.adapters.web.security;

/**
 * Argon2id cost parameters for new password hashes.
 *
 * @param memoryKiB   memory in KiB; at least {@value #MIN_MEMORY_KIB} (19 MiB, OWASP's minimum)
 * @param iterations  passes over memory; at least {@value #MIN_ITERATIONS}
 * @param parallelism lanes; 1 to 16 (one per core the hash may use)
 */
public record Argon2Cost(int memoryKiB, int iterations, int parallelism) {

    public static final int MIN_MEMORY_KIB = 19_456;
    public static final int MIN_ITERATIONS = 2;

    /** m=19456, t=2, p=1: OWASP's first recommended argon2id configuration. */
    public static final Argon2Cost DEFAULT = new Argon2Cost(MIN_MEMORY_KIB, MIN_ITERATIONS, 1);

    public Argon2Cost {
        if (memoryKiB < MIN_MEMORY_KIB) {
            throw new IllegalArgumentException("argon2 memory must be at least " + MIN_MEMORY_KIB + " KiB");
        }
        if (iterations < MIN_ITERATIONS) {
            throw new IllegalArgumentException("argon2 iterations must be at least " + MIN_ITERATIONS);
        }
        if (parallelism < 1 || parallelism > 16) {
            throw new IllegalArgumentException("argon2 parallelism must be between 1 and 16");
        }
    }
}
