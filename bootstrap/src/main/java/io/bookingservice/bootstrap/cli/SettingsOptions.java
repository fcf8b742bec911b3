package io.bookingservice.bootstrap.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options every command shares; they take precedence over the environment and the config file. */
final class SettingsOptions {

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "a .properties file of settings by variable name (default: $BOOKING_CONFIG)")
    Path config;

    @Option(names = "--env", paramLabel = "ENV", description = "local, dev, prod or test (default: $ENV, else local)")
    String env;

    Map<String, String> asSettings() {
        Map<String, String> values = new HashMap<>();
        if (config != null) {
            values.put("BOOKING_CONFIG", config.toString());
        }
        if (env != null) {
            values.put("ENV", env);
        }
        return values;
    }
}
