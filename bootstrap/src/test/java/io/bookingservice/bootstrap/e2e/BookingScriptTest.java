package io.bookingservice.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./booking} launcher rebuilds the jar when a source is newer (a new or deleted
 * migration included) and says so; otherwise it runs the jar as it is. Runs the real script
 * in a copy of the tree's layout, with stand-ins for {@code mvn} and {@code java} on the PATH.
 */
class BookingScriptTest {

    /** Later than every file the test creates, so that the jar starts out up to date. */
    private static final Instant JAR_BUILT = Instant.now().plusSeconds(3600);

    @TempDir
    Path tree;

    private Path jar;
    private Path migration;

    @BeforeEach
    void layout() throws IOException {
        Files.copy(Path.of("..", "booking"), tree.resolve("booking"));
        tree.resolve("booking").toFile().setExecutable(true);
        Path bin = Files.createDirectories(tree.resolve("bin"));
        // mvn records its arguments and "builds" the jar; java prints what it would run.
        script(bin.resolve("mvn"), "echo \"$@\" >> \"$(pwd)/mvn.log\"; mkdir -p bootstrap/target; touch bootstrap/target/booking.jar");
        // java records each call; a training run (-XX:ArchiveClassesAtExit=FILE) writes FILE, as the JVM does at exit.
        script(bin.resolve("java"), "echo \"java $*\" >> \"$(pwd)/java.log\"\n"
                + "for a in \"$@\"; do case \"$a\" in -XX:ArchiveClassesAtExit=*) echo archive > \"${a#*=}\";; esac; done\n"
                + "echo \"java $*\"");
        Path migrations = Files.createDirectories(tree.resolve("migrations/src/main/resources/db/migration"));
        migration = Files.writeString(migrations.resolve("V1__a.sql"), "CREATE TABLE a (id int);");
        Files.writeString(tree.resolve("pom.xml"), "<project/>");
        jar = Files.createDirectories(tree.resolve("bootstrap/target")).resolve("booking.jar");
        Files.writeString(jar, "jar");
        Files.setLastModifiedTime(jar, FileTime.from(JAR_BUILT));
    }

    @Test
    void anUpToDateJarRunsWithoutABuild() throws Exception {
        String[] result = run("migrate", "current");

        assertThat(result[0]).endsWith("-jar " + tree.toRealPath().resolve("bootstrap/target/booking.jar") + " migrate current\n");
        assertThat(result[1]).isEmpty();
        assertThat(tree.resolve("mvn.log")).doesNotExist();
    }

    @Test
    void aNewMigrationRebuildsTheJarFromCleanAndSaysSo() throws Exception {
        Path added = Files.writeString(migration.resolveSibling("V2__b.sql"), "CREATE TABLE b (id int);");
        Files.setLastModifiedTime(added, FileTime.from(JAR_BUILT.plusSeconds(60)));

        String[] result = run("migrate", "upgrade");

        assertThat(result[1]).startsWith("booking: rebuilding " + tree.toRealPath().resolve("bootstrap/target/booking.jar")
                + ": migrations/src/main/resources/db/migration");
        assertThat(Files.readString(tree.resolve("mvn.log"))).isEqualTo("-B -q -pl bootstrap -am clean package -DskipTests\n");
        assertThat(result[0]).endsWith("migrate upgrade\n");
    }

    @Test
    void aDeletedMigrationRebuildsTheJarToo() throws Exception {
        Files.delete(migration);
        Files.setLastModifiedTime(migration.getParent(), FileTime.from(JAR_BUILT.plusSeconds(60)));

        String[] result = run("migrate", "current");

        assertThat(result[1]).startsWith("booking: rebuilding ");
        assertThat(tree.resolve("mvn.log")).exists();
    }

    @Test
    void theFirstRunAfterABuildMakesTheClassDataArchiveAndEveryRunUsesIt() throws Exception {
        Path archive = tree.resolve("bootstrap/target/booking.jsa");

        String[] first = run("migrate", "current");

        String real = tree.toRealPath().toString();
        assertThat(Files.readAllLines(tree.resolve("java.log"))).first().asString()
                .contains("-XX:ArchiveClassesAtExit=" + real + "/bootstrap/target/booking.jsa.")
                .endsWith("-jar " + real + "/bootstrap/target/booking.jar cds-training");
        assertThat(archive).hasContent("archive");
        assertThat(first[0]).as("the training run's output is not the command's")
                .isEqualTo("java @" + real + "/jvm.options -XX:SharedArchiveFile=" + real + "/bootstrap/target/booking.jsa"
                        + " -jar " + real + "/bootstrap/target/booking.jar migrate current\n");
        assertThat(first[1]).isEmpty();
        assertThat(tree.resolve("bootstrap/target")).isDirectoryNotContaining("glob:**.tmp");

        Files.setLastModifiedTime(archive, FileTime.from(JAR_BUILT.plusSeconds(1)));
        Files.delete(tree.resolve("java.log"));
        run("migrate", "current");
        assertThat(Files.readAllLines(tree.resolve("java.log"))).as("an archive newer than the jar is kept")
                .singleElement().asString().endsWith("migrate current");

        Files.setLastModifiedTime(jar, FileTime.from(JAR_BUILT.plusSeconds(2)));
        Files.delete(tree.resolve("java.log"));
        run("migrate", "current");
        assertThat(Files.readAllLines(tree.resolve("java.log"))).as("a rebuilt jar gets a new archive")
                .hasSize(2).first().asString().endsWith("cds-training");
    }

    @Test
    void aFailedTrainingRunOnlyCostsTheArchive() throws Exception {
        script(tree.resolve("bin/java"), "echo \"java $*\" >> \"$(pwd)/java.log\"\n"
                + "case \"$*\" in *cds-training*) echo 'training output'; exit 1;; esac\necho \"java $*\"");

        String[] result = run("migrate", "current");

        assertThat(result[1]).isEqualTo("booking: no class-data archive (its training run failed); starting without one\n");
        assertThat(result[0]).doesNotContain("training output").doesNotContain("SharedArchiveFile").endsWith("migrate current\n");
        assertThat(tree.resolve("bootstrap/target/booking.jsa")).doesNotExist();
        assertThat(tree.resolve("bootstrap/target")).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void bookingCdsOffRunsWithoutAnArchive() throws Exception {
        String[] result = runWith(java.util.Map.of("BOOKING_CDS", "off"), "migrate", "current");

        assertThat(result[0]).doesNotContain("SharedArchiveFile").endsWith("migrate current\n");
        assertThat(Files.readAllLines(tree.resolve("java.log"))).hasSize(1);
    }

    private String[] run(String... arguments) throws Exception {
        return runWith(java.util.Map.of(), arguments);
    }

    private String[] runWith(java.util.Map<String, String> environment, String... arguments) throws Exception {
        String[] command = new String[arguments.length + 1];
        command[0] = tree.resolve("booking").toString();
        System.arraycopy(arguments, 0, command, 1, arguments.length);
        ProcessBuilder builder = new ProcessBuilder(command).directory(tree.toFile());
        builder.environment().put("PATH", tree.resolve("bin") + ":/usr/bin:/bin");
        builder.environment().remove("BOOKING_CDS");
        builder.environment().putAll(environment);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(err).isZero();
        return new String[] {out, err};
    }

    private static void script(Path file, String body) throws IOException {
        Files.writeString(file, "#!/usr/bin/env bash\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
