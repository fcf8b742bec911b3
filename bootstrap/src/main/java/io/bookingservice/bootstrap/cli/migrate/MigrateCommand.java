package io.bookingservice.bootstrap.cli.migrate;

import io.bookingservice.bootstrap.config.InvalidSettingsException;
import io.bookingservice.bootstrap.secrets.DatabaseCredentials;
import io.bookingservice.bootstrap.secrets.DatabasePool;
import io.bookingservice.migrations.config.DatabaseUrl;
import io.bookingservice.migrations.engine.DriftReport;
import io.bookingservice.migrations.engine.HistoryEntry;
import io.bookingservice.migrations.engine.MigrationEngine;
import io.bookingservice.migrations.engine.MigrationOutcome;
import io.bookingservice.migrations.engine.MigrationRefusedException;
import io.bookingservice.migrations.engine.MigrationRefusedException.InvalidTarget;
import io.bookingservice.migrations.engine.MigrationScripts;
import io.bookingservice.migrations.engine.MigrationScripts.NewMigration;
import io.bookingservice.migrations.engine.MigrationSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code booking migrate …}: the Alembic workflow on {@link MigrationEngine}. Exit codes:
 * {@value #OK} done (or no drift), {@value #REFUSED} refused, drift found or failed,
 * {@value #USAGE} usage error (unknown option, invalid target, no database configured).
 * Each subcommand handles its own errors, so the command behaves the same wherever it is
 * mounted.
 */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = "Database migrations: the Alembic workflow (upgrade, downgrade, current, history, "
                + "offline SQL, new revision, drift check) on Flyway.",
        subcommandsRepeatable = false)
public final class MigrateCommand {

    public static final int OK = 0;
    public static final int REFUSED = 1;
    public static final int USAGE = 2;

    /** Where {@code new} writes by default, relative to the current directory: the source tree. */
    public static final String DEFAULT_NEW_DIR = "migrations/src/main/resources/db/migration";

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private final ConnectionResolver resolver;
    private final Path workingDirectory;

    @Spec
    private CommandSpec spec;

    @Option(names = {"-c", "--config"}, scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "The service's settings file (DATABASE_URL, ENV, BOOKING_DATA_DIR, …, as serve reads it), "
                    + "plus locations, undo.location, schema, placeholders.*. Default: $BOOKING_CONFIG.")
    private Path config;

    @Option(names = "--env", scope = ScopeType.INHERIT, paramLabel = "ENV",
            description = "local, dev, prod or test (default: $ENV, else local), as for serve.")
    private String env;

    @Option(names = "--url", scope = ScopeType.INHERIT,
            description = "DATABASE_URL on the command line, without a password (ps shows arguments): "
                    + "jdbc:postgresql://…, postgresql://…, postgresql+psycopg://…. Default: the database serve uses.")
    private String url;

    @Option(names = "--user", scope = ScopeType.INHERIT, description = "Database role, overriding the URL's.")
    private String user;

    @Option(names = "--password-stdin", scope = ScopeType.INHERIT,
            description = "Read the database password from standard input (without echo on a terminal).")
    private boolean passwordStdin;

    /** Refused: kept only to answer with the way that works instead of "unknown option". */
    @Option(names = "--password", scope = ScopeType.INHERIT, hidden = true, arity = "0..1", paramLabel = "REFUSED")
    private String password;

    private JdbcTarget opened;

    /**
     * @param resolver where the database and scripts come from
     * @param workingDirectory base of {@link #DEFAULT_NEW_DIR}
     */
    public MigrateCommand(ConnectionResolver resolver, Path workingDirectory) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.workingDirectory = Objects.requireNonNull(workingDirectory, "workingDirectory");
    }

    /** A command line for this command alone, e.g. {@code MigrateCommand.commandLine(cmd).execute(args)}. */
    public static CommandLine commandLine(MigrateCommand command) {
        return new CommandLine(command);
    }

    @Command(name = "upgrade", mixinStandardHelpOptions = true,
            description = "Apply pending migrations (adopting an Alembic database first). "
                    + "With --sql, print the SQL instead of running it.")
    int upgrade(
            @Parameters(arity = "0..1", defaultValue = "head", paramLabel = "TARGET",
                    description = "head (default), +N, a version, or FROM:TO with --sql (e.g. 2:head).")
            String target,
            @Option(names = "--sql", description = "Offline: print the SQL (scripts and history rows) for a DBA; "
                    + "connects to nothing. Starts from base unless TARGET is FROM:TO.")
            boolean sql) {
        return run(() -> {
            if (sql) {
                String[] range = range(target, "base");
                out().print(new MigrationScripts(settings()).upgradeSql(range[0], range[1]));
                return OK;
            }
            MigrationOutcome outcome = engine().upgrade(target);
            out().println(outcome.steps().isEmpty()
                    ? "already at " + describe(outcome.toVersion()) + ": nothing to apply"
                    : "upgraded from " + describe(outcome.fromVersion()) + " to " + describe(outcome.toVersion())
                            + " (" + outcome.steps().size() + " migration(s))");
            return OK;
        });
    }

    @Command(name = "downgrade", mixinStandardHelpOptions = true,
            description = "Undo the newest migrations with their U scripts. With --sql, print the SQL instead.")
    int downgrade(
            @Parameters(paramLabel = "TARGET",
                    description = "-1, -N, a version (stays applied), base, or FROM:TO with --sql (e.g. 6:-1).")
            String target,
            @Option(names = "--sql", description = "Offline: print the SQL for a DBA; connects to nothing. "
                    + "Starts from head unless TARGET is FROM:TO.")
            boolean sql) {
        return run(() -> {
            if (sql) {
                String[] range = range(target, "head");
                out().print(new MigrationScripts(settings()).downgradeSql(range[0], range[1]));
                return OK;
            }
            MigrationOutcome outcome = engine().downgrade(target);
            out().println("downgraded from " + describe(outcome.fromVersion()) + " to "
                    + describe(outcome.toVersion()) + " (" + outcome.steps().size() + " migration(s) undone)");
            return OK;
        });
    }

    @Command(name = "current", mixinStandardHelpOptions = true,
            description = "Print the database's version, and whether it is the head.")
    int current() {
        return run(() -> {
            MigrationEngine engine = engine();
            Optional<String> current = engine.current();
            Optional<String> head = engine.head();
            List<String> alembic = engine.unadoptedAlembicRevisions();
            if (!alembic.isEmpty()) {
                out().println("base: " + alembicState(alembic) + " (head is " + head.orElse("base") + ")");
                return OK;
            }
            String state = current.equals(head) ? "(head)"
                    : "(head is " + head.orElse("base") + "; run: booking migrate upgrade)";
            out().println(current.orElse("base") + " " + state);
            return OK;
        });
    }

    @Command(name = "history", mixinStandardHelpOptions = true,
            description = "List applied, baseline, downgraded and pending migrations in the order they happened.")
    int history() {
        return run(() -> {
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"VERSION", "STATE", "TYPE", "WHEN (UTC)", "DESCRIPTION", "SCRIPT"});
            for (HistoryEntry entry : engine().history()) {
                rows.add(new String[] {entry.version(), entry.state().name().toLowerCase(java.util.Locale.ROOT)
                        .replace('_', ' '), entry.type(), entry.at() == null ? "" : WHEN.format(entry.at()),
                        entry.description(), entry.script() == null ? "" : entry.script()});
            }
            printTable(rows);
            return OK;
        });
    }

    @Command(name = "new", mixinStandardHelpOptions = true,
            description = "Write the next V<n>__<slug>.sql and its U<n>__<slug>.sql (in the sibling undo folder) "
                    + "from templates. Run `booking migrate check` after applying it.")
    int newMigration(
            @Parameters(paramLabel = "MESSAGE", description = "What the migration does, e.g. \"add booking notes\".")
            String message,
            @Option(names = "--dir", paramLabel = "DIR",
                    description = "Migration folder; default: " + DEFAULT_NEW_DIR + " under the current directory.")
            Path dir) {
        return run(() -> {
            NewMigration written = MigrationScripts.newMigration(message,
                    dir != null ? dir : workingDirectory.resolve(DEFAULT_NEW_DIR));
            out().println("created " + written.versioned());
            out().println("created " + written.undo());
            return OK;
        });
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Drift check: rebuild the database's version from the migrations in a scratch database "
                    + "and compare schemas. Exit 1 on any difference.")
    int check() {
        return run(() -> {
            MigrationEngine engine = engine();
            List<String> alembic = engine.unadoptedAlembicRevisions();
            if (!alembic.isEmpty()) {
                // Comparing Alembic's schema with Flyway's base would list every table as a difference.
                out().println("not checked: " + alembicState(alembic));
                return REFUSED;
            }
            DriftReport report = engine.check();
            if (!report.hasDrift()) {
                out().println("no drift: the schema matches " + describe(report.version()));
                return OK;
            }
            out().println("drift: the schema differs from " + describe(report.version())
                    + " (expected ≠ live), " + report.differences().size() + " difference(s):");
            report.differences().forEach(line -> out().println("  " + line));
            out().println("put intended changes into a migration (booking migrate new), or revert the others");
            return REFUSED;
        });
    }

    // ---- support ----

    private int run(Callable<Integer> action) {
        try {
            if (password != null) {
                throw new InvalidSettingsException("--password is not accepted: every user can read arguments with ps."
                        + " Use --password-stdin, or put the password into DATABASE_URL or the config file");
            }
            return action.call();
        } catch (InvalidTarget e) {
            err().println("error: " + e.getMessage());
            return USAGE;
        } catch (MigrationRefusedException e) {
            err().println("refused: " + e.getMessage());
            return REFUSED;
        } catch (InvalidSettingsException | IllegalArgumentException e) {
            // A bad or missing setting (no database, a malformed URL): the operator's to fix.
            err().println("error: " + e.getMessage());
            return USAGE;
        } catch (Exception e) {
            // A failure, not a refusal: the cause chain usually holds the SQL error.
            err().println("failed: " + e.getMessage());
            return REFUSED;
        } finally {
            if (opened != null) {
                opened.close();
                opened = null;
            }
        }
    }

    /** The database serve would use, announced on standard error before anything touches it. */
    private MigrationEngine engine() {
        ConnectionResolver.Options options = options();
        JdbcTarget target = resolver.database(options);
        opened = target;
        err().println("migrate: " + target.description());
        err().flush();
        PrintWriter out = out();
        // The connections serve's own migrations use (no socket timeout: lock waits may be long),
        // and the drift check's scratch database on the same server with the same credentials.
        DatabaseUrl url = target.url();
        return new MigrationEngine(DatabasePool.forMigrations(DatabaseCredentials.fixed(url)), resolver.settings(options),
                name -> DatabasePool.forMigrations(DatabaseCredentials.fixed(url.onDatabase(name))), line -> {
                    out.println(line);
                    out.flush();
                });
    }

    private MigrationSettings settings() {
        return resolver.settings(options());
    }

    private ConnectionResolver.Options options() {
        return new ConnectionResolver.Options(config, env, url, user, passwordStdin ? readPassword() : null);
    }

    /** The password from a terminal without echo, else the first line of standard input. */
    private String readPassword() {
        java.io.Console console = System.console();
        String value;
        if (console != null) {
            char[] typed = console.readPassword("database password: ");
            value = typed == null ? null : new String(typed);
        } else {
            try {
                value = new java.io.BufferedReader(new java.io.InputStreamReader(System.in,
                        java.nio.charset.StandardCharsets.UTF_8)).readLine();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot read the password from standard input", e);
            }
        }
        if (value == null || value.isEmpty()) {
            throw new InvalidSettingsException("--password-stdin: no password on standard input");
        }
        return value;
    }

    /** What an Alembic database that is not adopted yet holds, and what to do about it. */
    private static String alembicState(List<String> revisions) {
        if (revisions.size() == 1 && MigrationEngine.adoptedVersion(revisions.get(0)).isPresent()) {
            return "the database is at Alembic revision " + revisions.get(0) + " (the Python service's), not adopted yet;"
                    + " run: booking migrate upgrade (adopts it as version "
                    + MigrationEngine.adoptedVersion(revisions.get(0)).get() + ")";
        }
        return "the database holds Alembic revision(s) " + String.join(", ", revisions)
                + ", which cannot be adopted; see booking migrate upgrade's refusal";
    }

    /** {@code FROM:TO} or just {@code TO} (from {@code defaultFrom}), as Alembic's offline mode takes it. */
    private static String[] range(String target, String defaultFrom) {
        int colon = target.indexOf(':');
        return colon < 0 ? new String[] {defaultFrom, target}
                : new String[] {target.substring(0, colon), target.substring(colon + 1)};
    }

    private static String describe(String version) {
        return version == null ? "base" : "version " + version;
    }

    private void printTable(List<String[]> rows) {
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(i == row.length - 1 ? row[i] : String.format("%-" + widths[i] + "s  ", row[i]));
            }
            out().println(line.toString().stripTrailing());
        }
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }

    private PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
