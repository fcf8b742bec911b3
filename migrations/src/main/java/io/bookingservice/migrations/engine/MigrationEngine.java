package io.bookingservice.migrations.engine;

import io.bookingservice.migrations.engine.HistoryEntry.State;
import io.bookingservice.migrations.engine.MigrationRefusedException.BelowBaseline;
import io.bookingservice.migrations.engine.MigrationRefusedException.ChecksumMismatch;
import io.bookingservice.migrations.engine.MigrationRefusedException.FailedMigrationRecorded;
import io.bookingservice.migrations.engine.MigrationRefusedException.InvalidTarget;
import io.bookingservice.migrations.engine.MigrationRefusedException.MissingUndoScript;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Alembic workflow (upgrade, downgrade, current, history, offline SQL, drift check) on
 * Flyway Community's public API, for one PostgreSQL database.
 *
 * <p>Adoption, upgrade and downgrade run under one PostgreSQL advisory lock (see
 * {@link AdvisoryLock}) on top of Flyway's own, so several instances can run them at once:
 * each migration is applied or undone exactly once. Downgrades run the paired undo script
 * {@code U<n>__<slug>.sql} of {@code V<n>__<slug>.sql} from {@link MigrationSettings#undoLocation()},
 * in one transaction with the removal of Flyway's history row and an entry in
 * {@value #DOWNGRADE_LOG}.
 *
 * <p>Targets: upgrade takes {@code head}, {@code +N} (the next N pending) or a version;
 * downgrade takes {@code -N} (the newest N applied), a version (which stays applied) or
 * {@code base} (everything, down to an empty schema).
 */
public final class MigrationEngine {

    /** Our record of downgrades; Flyway's history row of an undone migration is removed. */
    public static final String DOWNGRADE_LOG = DowngradeLog.TABLE;
    /** Flyway's default history table, which offline SQL writes too. */
    public static final String HISTORY_TABLE = "flyway_schema_history";

    /** The two Alembic revisions of the Python service and the Flyway versions that reproduce them. */
    public static final Map<String, String> ALEMBIC_REVISIONS = AlembicAdoption.REVISIONS;

    private static final Logger LOG = LoggerFactory.getLogger(MigrationEngine.class);

    private final DataSource dataSource;
    private final MigrationSettings settings;
    private final ServerDatabases serverDatabases;
    private final Consumer<String> progress;

    /**
     * @param dataSource the database to migrate
     * @param settings script locations, placeholders and schema
     * @param serverDatabases other databases on the same server, for the drift check's scratch
     *     database; {@code null} makes {@link #check()} use an embedded PostgreSQL
     * @param progress receives one line per step of a long run (e.g. {@code applying V3 …})
     */
    public MigrationEngine(
            DataSource dataSource, MigrationSettings settings, ServerDatabases serverDatabases,
            Consumer<String> progress) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.serverDatabases = serverDatabases;
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /**
     * Applies pending migrations up to {@code target}: {@code head}, {@code +N} or a version.
     * A database the Python service left (with {@code alembic_version} and no Flyway history)
     * is adopted first: baselined at the version matching its revision.
     *
     * @throws MigrationRefusedException when the target is invalid, a failed migration is
     *     recorded, an applied script changed, or the Alembic database cannot be adopted
     */
    @SuppressWarnings("try") // the lock is held by the try block, never referenced in it
    public MigrationOutcome upgrade(String target) {
        Objects.requireNonNull(target, "target");
        try (AdvisoryLock lock = AdvisoryLock.acquire(dataSource)) {
            String adoptedFrom = adoptAlembicDatabase();
            if (adoptedFrom == null && "head".equals(target.strip())) {
                Optional<String> current = upToDateVersion();
                if (current.isPresent()) {
                    return new MigrationOutcome(current.get(), current.get(), List.of(), null);
                }
            }
            MigrationInfoService info = flyway().load().info();
            refuseFailed(info);
            refuseChangedScripts(applied(info));
            String from = version(info.current());
            MigrationVersion targetVersion = upgradeTarget(target.strip(), info);
            if (targetVersion == null) {
                return new MigrationOutcome(from, from, List.of(), adoptedFrom);
            }
            MigrateResult result = flyway().target(targetVersion).load().migrate();
            List<String> steps = result.migrations.stream()
                    .map(m -> "applied V" + m.version + " " + m.description)
                    .toList();
            String to = version(flyway().load().info().current());
            LOG.info("upgraded {} from {} to {}: {} migration(s)", settings.schema(), describe(from), describe(to),
                    steps.size());
            return new MigrationOutcome(from, to, steps, adoptedFrom);
        }
    }

    /**
     * Undoes the newest applied migrations down to {@code target}: {@code -N}, a version
     * (which stays applied) or {@code base}. Checks the whole plan before undoing anything.
     *
     * @throws MigrationRefusedException when an undo script is missing, an applied script
     *     changed, a failed migration is recorded, the baseline would be undone, or the target
     *     is invalid; nothing was changed then
     */
    @SuppressWarnings("try") // the lock is held by the try block, never referenced in it
    public MigrationOutcome downgrade(String target) {
        Objects.requireNonNull(target, "target");
        try (AdvisoryLock lock = AdvisoryLock.acquire(dataSource)) {
            MigrationInfoService info = flyway().load().info();
            refuseFailed(info);
            List<MigrationInfo> applied = applied(info);
            int count = downgradeCount(target.strip(), applied);
            List<MigrationInfo> toUndo = new ArrayList<>(applied.subList(applied.size() - count, applied.size()));
            Collections.reverse(toUndo);
            List<MigrationScript> undoScripts = plan(toUndo);
            String from = version(info.current());
            List<String> steps = new ArrayList<>();
            for (int i = 0; i < toUndo.size(); i++) {
                MigrationInfo migration = toUndo.get(i);
                MigrationScript undo = undoScripts.get(i);
                progress.accept("undoing V" + migration.getVersion() + " " + migration.getDescription()
                        + " with " + undo.fileName());
                undo(migration, undo);
                steps.add("undid V" + migration.getVersion() + " " + migration.getDescription());
            }
            String to = version(flyway().load().info().current());
            LOG.info("downgraded {} from {} to {}", settings.schema(), describe(from), describe(to));
            return new MigrationOutcome(from, to, steps, null);
        }
    }

    /** {@link UpToDate}; a database error there leaves the answer to Flyway, which reports it in full. */
    private Optional<String> upToDateVersion() {
        try {
            return UpToDate.version(dataSource, settings);
        } catch (SQLException e) {
            LOG.debug("could not tell from the history whether the schema is current; asking Flyway", e);
            return Optional.empty();
        }
    }

    /** The newest applied version, or empty when no migration is applied (or not adopted yet). */
    public Optional<String> current() {
        // One short query instead of Flyway's info(), which scans every script: readiness
        // probes and /ping/ ask this every few seconds. Same answer: the highest version of a
        // successful row (baseline included); downgrades delete their rows.
        try (Connection connection = dataSource.getConnection()) {
            if (!SqlIdentifiers.tableExists(connection, settings.schema(), HISTORY_TABLE)) {
                return Optional.empty();
            }
            return strings(connection, "SELECT version FROM " + qualified(HISTORY_TABLE)
                    + " WHERE success AND version IS NOT NULL").stream()
                    .map(MigrationVersion::fromVersion)
                    .max(Comparator.naturalOrder())
                    .map(MigrationVersion::getVersion);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the migration history: " + e.getMessage(), e);
        }
    }

    /** The newest version in the migration locations. */
    public Optional<String> head() {
        return new MigrationScripts(settings).head();
    }

    /**
     * Every migration (applied, baseline, failed, pending) and every downgrade, in the order
     * they happened; pending migrations last, by version.
     */
    public List<HistoryEntry> history() {
        List<HistoryEntry> entries = new ArrayList<>();
        for (MigrationInfo m : flyway().load().info().all()) {
            if (!isVersionedOrBaseline(m)) {
                continue;
            }
            entries.add(new HistoryEntry(m.getVersion().getVersion(), m.getDescription(), m.getType().name(),
                    m.getScript(), m.getInstalledOn() == null ? null : m.getInstalledOn().toInstant(), state(m)));
        }
        entries.addAll(downgrades());
        List<HistoryEntry> sorted = new ArrayList<>(entries);
        // Stable: applied rows keep Flyway's (version) order on equal timestamps, pending ones theirs.
        sorted.sort(Comparator.comparing((HistoryEntry e) -> e.at() == null)
                .thenComparing(HistoryEntry::at, Comparator.nullsLast(Comparator.naturalOrder())));
        return List.copyOf(sorted);
    }

    /** Drift detection, see {@link DriftCheck}. */
    public DriftReport check() {
        return new DriftCheck(dataSource, settings, serverDatabases, progress).run(this);
    }

    // ---- adoption ----

    /**
     * The Alembic revisions of a database the Python service left and {@link #upgrade} has not
     * adopted yet ({@code alembic_version} without Flyway history); empty otherwise. Lets
     * {@code current} and {@code check} say what they found instead of "base".
     */
    public List<String> unadoptedAlembicRevisions() {
        return new AlembicAdoption(dataSource, settings.schema()).unadoptedRevisions();
    }

    /** The Flyway version an Alembic revision is adopted as, if it can be. */
    public static Optional<String> adoptedVersion(String alembicRevision) {
        return Optional.ofNullable(ALEMBIC_REVISIONS.get(alembicRevision));
    }

    /** Baselines an Alembic database; returns its revision, or null when there was nothing to adopt. */
    private String adoptAlembicDatabase() {
        return new AlembicAdoption(dataSource, settings.schema()).pending().map(adoption -> {
            flyway().baselineVersion(adoption.version()).baselineDescription("Alembic " + adoption.revision())
                    .load().baseline();
            LOG.info("adopted the Alembic database at revision {}: baselined at version {}", adoption.revision(),
                    adoption.version());
            progress.accept("adopted Alembic revision " + adoption.revision() + " as baseline version "
                    + adoption.version());
            return adoption.revision();
        }).orElse(null);
    }

    // ---- targets and refusals ----

    private static MigrationVersion upgradeTarget(String target, MigrationInfoService info) {
        String expected = "head, +N or a version such as 3";
        MigrationTarget parsed = MigrationTarget.parse(target, expected);
        if (parsed instanceof MigrationTarget.Head) {
            return info.pending().length == 0 ? null : MigrationVersion.LATEST;
        }
        if (parsed instanceof MigrationTarget.Relative relative) {
            if (!relative.up()) {
                throw new InvalidTarget("upgrade target " + target + " goes down; use downgrade " + target);
            }
            MigrationInfo[] pending = info.pending();
            if (relative.steps() > pending.length) {
                throw new InvalidTarget("cannot upgrade " + target + ": only " + pending.length
                        + " migration(s) pending" + versions(Arrays.asList(pending)) + "; use head");
            }
            return pending[relative.steps() - 1].getVersion();
        }
        MigrationVersion version = MigrationTarget.version(target, expected).version();
        boolean known = Arrays.stream(info.all())
                .anyMatch(m -> version.equals(m.getVersion()) && m.getState().isResolved());
        if (!known) {
            throw new InvalidTarget("there is no migration V" + target + " in the migration locations");
        }
        MigrationInfo current = info.current();
        if (current != null && version.compareTo(current.getVersion()) < 0) {
            throw new InvalidTarget("V" + target + " is below the current version " + current.getVersion()
                    + "; use downgrade " + target);
        }
        return current != null && version.equals(current.getVersion()) ? null : version;
    }

    private static int downgradeCount(String target, List<MigrationInfo> applied) {
        if (applied.isEmpty()) {
            throw new InvalidTarget("nothing to downgrade: no migration is applied");
        }
        String expected = "-N, base or a version such as 3";
        MigrationTarget parsed = MigrationTarget.parse(target, expected);
        if (parsed instanceof MigrationTarget.Base) {
            return applied.size();
        }
        if (parsed instanceof MigrationTarget.Relative relative) {
            if (relative.up()) {
                throw new InvalidTarget("downgrade target " + target + " goes up; use upgrade " + target);
            }
            if (relative.steps() > applied.size()) {
                throw new InvalidTarget("cannot downgrade " + target + ": only " + applied.size()
                        + " migration(s) applied" + versions(applied) + "; use base");
            }
            return relative.steps();
        }
        MigrationVersion version = MigrationTarget.version(target, expected).version();
        for (int i = 0; i < applied.size(); i++) {
            if (applied.get(i).getVersion().equals(version)) {
                int count = applied.size() - 1 - i;
                if (count == 0) {
                    throw new InvalidTarget("already at version " + target + ": nothing to downgrade");
                }
                return count;
            }
        }
        throw new InvalidTarget("V" + target + " is not applied" + versions(applied)
                + "; a downgrade target must be an applied version, -N or base");
    }

    /** The undo script of each migration, in order; refuses before anything runs. */
    private List<MigrationScript> plan(List<MigrationInfo> toUndo) {
        Map<String, MigrationScript> undoScripts = ScriptLocations.read(List.of(settings.undoLocation()), 'U');
        refuseChangedScripts(toUndo);
        List<MigrationScript> plan = new ArrayList<>();
        for (MigrationInfo migration : toUndo) {
            if (migration.getType().isBaseline()) {
                throw new BelowBaseline("cannot downgrade below version " + migration.getVersion()
                        + ": it is the baseline (" + migration.getDescription() + "), the schema under it was "
                        + "not built by these migrations and has no undo; the lowest reachable version is "
                        + migration.getVersion());
            }
            String expected = "U" + migration.getScript().substring(1);
            MigrationScript undo = undoScripts.get(migration.getVersion().getVersion());
            if (undo == null || !undo.fileName().equals(expected)) {
                throw new MissingUndoScript("cannot undo V" + migration.getVersion() + ": " + expected
                        + " is missing from " + settings.undoLocation()
                        + (undo == null ? "" : " (found " + undo.fileName() + ", whose slug differs)")
                        + "; write it, or downgrade to version " + migration.getVersion() + " at most");
            }
            plan.add(undo);
        }
        return plan;
    }

    private static void refuseFailed(MigrationInfoService info) {
        List<MigrationInfo> failed = Arrays.stream(info.all()).filter(m -> m.getState().isFailed()).toList();
        if (!failed.isEmpty()) {
            throw new FailedMigrationRecorded("failed migration(s) recorded in " + HISTORY_TABLE
                    + versions(failed) + ": the schema may be half-migrated. Repair the schema by hand to the "
                    + "state before the failed script, delete its row (success = false) from " + HISTORY_TABLE
                    + ", then run the command again");
        }
    }

    private static void refuseChangedScripts(List<MigrationInfo> migrations) {
        for (MigrationInfo m : migrations) {
            if (m.getType().isBaseline()) {
                continue;
            }
            if (m.getState() == MigrationState.MISSING_SUCCESS || m.getState() == MigrationState.FUTURE_SUCCESS) {
                throw new ChecksumMismatch("V" + m.getVersion() + " (" + m.getScript() + ") is applied but "
                        + "missing from the migration locations: restore the script as it was applied");
            }
            if (!Objects.equals(m.getAppliedChecksum(), m.getResolvedChecksum())) {
                throw new ChecksumMismatch("V" + m.getVersion() + " (" + m.getScript() + ") was applied with "
                        + "checksum " + m.getAppliedChecksum() + " but the script now has "
                        + m.getResolvedChecksum() + ": restore the script as it was applied (git history) and "
                        + "put the change into a new migration (migrate new)");
            }
        }
    }

    // ---- downgrade execution ----

    /** Undo script, history row removal and log entry: all or nothing. */
    private void undo(MigrationInfo migration, MigrationScript undo) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                try (Statement statement = connection.createStatement()) {
                    statement.execute(DowngradeLog.createSql(settings.schema()));
                }
                try (PreparedStatement searchPath = connection.prepareStatement(
                        "SELECT set_config('search_path', quote_ident(?), true)")) {
                    // Scripts name tables unqualified, as Flyway runs them with the schema as search path.
                    searchPath.setString(1, settings.schema());
                    searchPath.execute();
                }
                try (Statement statement = connection.createStatement()) {
                    statement.execute(undo.sql(settings.placeholders()));
                }
                try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + qualified(HISTORY_TABLE)
                        + " WHERE installed_rank = ? AND version = ?")) {
                    delete.setInt(1, migration.getInstalledRank());
                    delete.setString(2, migration.getVersion().getVersion());
                    if (delete.executeUpdate() != 1) {
                        throw new IllegalStateException("the history row of V" + migration.getVersion()
                                + " changed during the downgrade; run the command again");
                    }
                }
                DowngradeLog.record(connection, settings.schema(), migration.getVersion().getVersion(),
                        migration.getDescription(), undo);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("undoing V" + migration.getVersion() + " with " + undo.fileName()
                    + " failed and was rolled back, the database is still at version " + migration.getVersion()
                    + ": " + e.getMessage(), e);
        }
    }

    private List<HistoryEntry> downgrades() {
        try (Connection connection = dataSource.getConnection()) {
            if (!SqlIdentifiers.tableExists(connection, settings.schema(), DOWNGRADE_LOG)) {
                return List.of();
            }
            return DowngradeLog.read(connection, settings.schema());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read " + DOWNGRADE_LOG + ": " + e.getMessage(), e);
        }
    }

    // ---- Flyway and JDBC plumbing ----

    FluentConfiguration flyway() {
        return flywayFor(dataSource, settings).callbacks(new ProgressCallback(progress));
    }

    static FluentConfiguration flywayFor(DataSource dataSource, MigrationSettings settings) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations(settings.locations().toArray(String[]::new))
                .placeholders(settings.placeholders())
                .defaultSchema(settings.schema())
                .schemas(settings.schema())
                .table(HISTORY_TABLE)
                .failOnMissingLocations(true);
    }

    /** Applied versioned migrations and the baseline, oldest first. */
    private static List<MigrationInfo> applied(MigrationInfoService info) {
        return Arrays.stream(info.applied())
                .filter(MigrationEngine::isVersionedOrBaseline)
                .sorted(Comparator.comparing(MigrationInfo::getVersion))
                .toList();
    }

    private static boolean isVersionedOrBaseline(MigrationInfo m) {
        return m.getVersion() != null && (m.getType().isBaseline() || !m.getType().isSynthetic());
    }

    private static State state(MigrationInfo m) {
        MigrationState state = m.getState();
        if (state.isFailed()) {
            return State.FAILED;
        }
        if (m.getType().isBaseline() && state.isApplied()) {
            return State.BASELINE;
        }
        if (state == MigrationState.BELOW_BASELINE || state == MigrationState.BASELINE_IGNORED) {
            return State.BELOW_BASELINE;
        }
        return state.isApplied() ? State.APPLIED : State.PENDING;
    }

    private static List<String> strings(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private String qualified(String table) {
        return SqlIdentifiers.qualified(settings.schema(), table);
    }

    private static String version(MigrationInfo info) {
        return info == null || info.getVersion() == null ? null : info.getVersion().getVersion();
    }

    private static String describe(String version) {
        return version == null ? "base" : "version " + version;
    }

    private static String versions(List<MigrationInfo> migrations) {
        return migrations.isEmpty() ? "" : migrations.stream()
                .map(m -> "V" + m.getVersion())
                .collect(Collectors.joining(", ", " (", ")"));
    }

    /** Reports each migration as Flyway starts it, for progress lines in long runs. */
    private record ProgressCallback(Consumer<String> progress) implements Callback {

        @Override
        public boolean supports(Event event, Context context) {
            return event == Event.BEFORE_EACH_MIGRATE;
        }

        @Override
        public boolean canHandleInTransaction(Event event, Context context) {
            return true;
        }

        @Override
        public void handle(Event event, Context context) {
            MigrationInfo migration = context.getMigrationInfo();
            progress.accept("applying V" + migration.getVersion() + " " + migration.getDescription());
        }

        @Override
        public String getCallbackName() {
            return "migration progress";
        }
    }
}
