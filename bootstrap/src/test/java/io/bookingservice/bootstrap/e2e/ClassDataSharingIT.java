package io.bookingservice.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Class-data sharing as {@code ./booking} and the {@code Dockerfile} use it, on the real jar: the
 * training run makes an archive the JVM accepts for that jar, and with a fresh, stale or missing
 * archive {@code booking migrate upgrade --sql} prints byte for byte the same SQL on standard
 * output (the JVM's own warnings go to standard error: {@code jvm.options}).
 */
class ClassDataSharingIT {

    private static final Path JVM_OPTIONS = Path.of("..", "jvm.options");

    @TempDir
    Path dir;

    @Test
    void offlineSqlIsByteIdenticalWithAFreshAStaleOrAMissingArchive() throws Exception {
        Path jar = Files.copy(JarProcess.JAR, dir.resolve("booking.jar"));
        Path archive = dir.resolve("booking.jsa");

        Run training = java(List.of("-XX:ArchiveClassesAtExit=" + archive), jar, "cds-training");
        assertThat(training.status()).as(training.err()).isZero();
        assertThat(archive).isNotEmptyFile();
        Run check = java(List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:on"), jar, "--version");
        assertThat(check.status()).as("-Xshare:on refuses to start unless the archive maps: " + check.err()).isZero();

        // The same bytes under another modification time: the JVM refuses the archive for it.
        Path rebuilt = Files.copy(jar, dir.resolve("rebuilt.jar"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.setLastModifiedTime(rebuilt, FileTime.from(Instant.now().plusSeconds(60)));
        Run staleCheck = java(List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:on"), rebuilt, "--version");
        assertThat(staleCheck.status()).as("the archive is stale for the rebuilt jar").isNotZero();

        Run without = java(List.of(), jar, "migrate", "upgrade", "--sql");
        Run fresh = java(List.of("-XX:SharedArchiveFile=" + archive), jar, "migrate", "upgrade", "--sql");
        Run stale = java(List.of("-XX:SharedArchiveFile=" + archive), rebuilt, "migrate", "upgrade", "--sql");
        Run missing = java(List.of("-XX:SharedArchiveFile=" + dir.resolve("none.jsa")), jar, "migrate", "upgrade", "--sql");

        assertThat(without.status()).as(without.err()).isZero();
        assertThat(without.out()).contains("CREATE TABLE").contains("COMMIT;");
        for (Run run : List.of(fresh, stale, missing)) {
            assertThat(run.status()).as(run.err()).isZero();
            assertThat(run.out()).isEqualTo(without.out());
        }
        assertThat(stale.err()).as("the JVM says why it ran without the archive, on standard error")
                .contains("[warning][cds");
    }

    private record Run(int status, String out, String err) {
    }

    /** {@code java @jvm.options FLAGS -jar JAR ARGS}, as {@code ./booking} runs it, in a scratch directory. */
    private Run java(List<String> flags, Path jar, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "@" + JVM_OPTIONS.toAbsolutePath()));
        command.addAll(flags);
        command.addAll(List.of("-jar", jar.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("BOOKING_") || name.startsWith("DATABASE_URL")
                || name.equals("ENV") || name.equals("PORT") || name.equals("JAVA_TOOL_OPTIONS"));
        builder.environment().put("BOOKING_DATA_DIR", dir.resolve("data").toString());
        Process process = builder.start();
        process.getOutputStream().close();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        String out = read(process.getInputStream());
        return new Run(process.waitFor(), out, err.join());
    }

    private static String read(java.io.InputStream stream) {
        try {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
