package io.bookingservice.bootstrap.cli;

import io.bookingservice.application.service.UserService;
import io.bookingservice.application.testing.FakeIdempotencyStore;
import io.bookingservice.application.testing.FakePasswordHasher;
import io.bookingservice.application.testing.FakeSessionRepository;
import io.bookingservice.application.testing.FakeUserRepository;
import io.bookingservice.application.testing.SerialTransactions;
import io.bookingservice.bootstrap.config.Settings;
import io.bookingservice.bootstrap.periodic.IdempotencyPurge;
import io.bookingservice.bootstrap.secrets.SecretSource;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/** Runs the real command line in-process with in-memory accounts and a given secret source. */
final class CommandLineHarness {

    final FakeUserRepository users = new FakeUserRepository();
    final UserService accounts = new UserService(users, new FakeSessionRepository(users), new FakePasswordHasher(),
            new SerialTransactions(), Clock.systemUTC(), true);
    final FakeIdempotencyStore idempotency = new FakeIdempotencyStore();
    final List<Settings> served = new ArrayList<>();
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    private final SecretSource secrets;

    CommandLineHarness(SecretSource secrets) {
        this.secrets = secrets;
    }

    int run(Map<String, String> environment, String... args) {
        OperatorServices services = new OperatorServices() {
            @Override
            public SecretSource secrets(Settings settings) {
                return secrets;
            }

            @Override
            public int purgeIdempotencyKeys(Settings settings) {
                return new IdempotencyPurge(idempotency, Clock.systemUTC()).run();
            }

            @Override
            public Accounts accounts(Settings settings) {
                return new Accounts() {
                    @Override
                    public io.bookingservice.application.port.in.ManageUsersUseCase users() {
                        return accounts;
                    }

                    @Override
                    public void close() {
                        // Nothing to release: the accounts live in memory.
                    }
                };
            }
        };
        CommandLine commandLine = BookingCommand.create(environment, settings -> {
            served.add(settings);
            return 0;
        }, services);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
