package io.bookingservice.migrations.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Reads the V and U scripts of Flyway-style locations ({@code classpath:…}, {@code filesystem:…})
 * without a database: the undo location is not Flyway's, and offline SQL must not connect.
 * Only the top level of each location is read, as our scripts are flat.
 */
final class ScriptLocations {

    private ScriptLocations() {
    }

    /** Every V or U script with the given prefix in the locations, by version, refusing duplicates. */
    static Map<String, MigrationScript> read(List<String> locations, char prefix) {
        Map<String, MigrationScript> byVersion = new TreeMap<>();
        for (String location : locations) {
            for (Map.Entry<String, String> file : files(location).entrySet()) {
                MigrationScript.parse(file.getKey(), file.getValue())
                        .filter(script -> script.prefix() == prefix)
                        .ifPresent(script -> {
                            String key = script.flywayVersion().getVersion();
                            MigrationScript previous = byVersion.putIfAbsent(key, script);
                            if (previous != null && !previous.fileName().equals(script.fileName())) {
                                throw new MigrationRefusedException("two scripts for version " + key + ": "
                                        + previous.fileName() + " and " + script.fileName()
                                        + "; keep one of them");
                            }
                        });
            }
        }
        return byVersion;
    }

    /** File name to content for the top level of one location. */
    private static Map<String, String> files(String location) {
        try {
            if (location.startsWith("filesystem:")) {
                return directory(Path.of(location.substring("filesystem:".length())));
            }
            String path = location.startsWith("classpath:") ? location.substring("classpath:".length()) : location;
            return classpath(path.replaceAll("^/+|/+$", ""));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read migration location " + location, e);
        }
    }

    private static Map<String, String> directory(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path file : entries.filter(Files::isRegularFile).toList()) {
                files.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    private static Map<String, String> classpath(String path) throws IOException {
        Map<String, String> files = new TreeMap<>();
        ClassLoader loader = Thread.currentThread().getContextClassLoader() != null
                ? Thread.currentThread().getContextClassLoader()
                : ScriptLocations.class.getClassLoader();
        for (URL root : Collections.list(loader.getResources(path))) {
            switch (root.getProtocol()) {
                case "file" -> {
                    try {
                        files.putAll(directory(Path.of(root.toURI())));
                    } catch (URISyntaxException e) {
                        throw new IOException("unreadable classpath entry " + root, e);
                    }
                }
                case "jar" -> files.putAll(jarDirectory(root, path));
                default -> throw new IOException("unsupported classpath entry " + root);
            }
        }
        return files;
    }

    private static Map<String, String> jarDirectory(URL root, String path) throws IOException {
        Map<String, String> files = new TreeMap<>();
        JarURLConnection connection = (JarURLConnection) root.openConnection();
        connection.setUseCaches(false);
        try (JarFile jar = connection.getJarFile()) {
            String prefix = path + "/";
            List<JarEntry> entries = new ArrayList<>();
            for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                JarEntry entry = e.nextElement();
                String rest = entry.getName().startsWith(prefix) ? entry.getName().substring(prefix.length()) : "";
                if (!entry.isDirectory() && !rest.isEmpty() && !rest.contains("/")) {
                    entries.add(entry);
                }
            }
            for (JarEntry entry : entries) {
                try (InputStream in = jar.getInputStream(entry)) {
                    files.put(entry.getName().substring(prefix.length()),
                            new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        return files;
    }
}
