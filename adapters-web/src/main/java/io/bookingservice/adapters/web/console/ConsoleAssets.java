package io.bookingservice.adapters.web.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The web console's files (the repository's {@code console/} folder, packaged under
 * {@value #LOCATION}), read once at start-up and served under content-hashed names.
 *
 * <p>The sources refer to each other by plain absolute paths ({@code /assets/api.js}), so they
 * also work unprocessed. Here every such reference is rewritten to the hashed name
 * ({@code /assets/api.1f2e3d4c5b.js}) of the file it names, dependencies first: a file's hash
 * covers the hashed names it refers to, so a change anywhere gives every file that depends on
 * it a new name, and a browser may keep any name forever ({@code immutable}). A reference to a
 * file that does not exist, or a cycle of references, fails the start instead of a page.
 */
public final class ConsoleAssets {

    static final String LOCATION = "io/bookingservice/adapters/web/console/static/";
    private static final Pattern REFERENCE = Pattern.compile("/assets/([A-Za-z0-9_-]+(?:\\.[A-Za-z0-9_-]+)*)");
    private static final Map<String, String> TYPES = Map.of(
            "js", "text/javascript;charset=utf-8",
            "css", "text/css;charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "html", "text/html;charset=utf-8");
    private static final Set<String> TEXT = Set.of("js", "css", "svg", "html");

    /** A file as served. */
    public record Asset(byte[] body, String contentType, String etag) {
    }

    private final Asset index;
    private final Map<String, Asset> byHashedName;
    private final Map<String, String> hashedNames;

    private ConsoleAssets(Asset index, Map<String, Asset> byHashedName, Map<String, String> hashedNames) {
        this.index = index;
        this.byHashedName = Map.copyOf(byHashedName);
        this.hashedNames = Map.copyOf(hashedNames);
    }

    /** Loads the packaged console from the class path. */
    public static ConsoleAssets load() {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(ConsoleAssets.class.getClassLoader());
        try {
            Map<String, byte[]> sources = new HashMap<>();
            for (Resource resource : resolver.getResources("classpath*:" + LOCATION + "assets/*")) {
                String name = resource.getFilename();
                if (name != null && resource.isReadable()) {
                    sources.put(name, read(resource));
                }
            }
            Resource index = resolver.getResource("classpath:" + LOCATION + "index.html");
            if (!index.exists()) {
                throw new IllegalStateException("the console's index.html is not on the class path at " + LOCATION);
            }
            return of(read(index), sources);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the console's files", e);
        }
    }

    /** The console from {@code index.html} and the files of {@code assets/} by name. */
    static ConsoleAssets of(byte[] indexHtml, Map<String, byte[]> sources) {
        Map<String, String> hashed = new HashMap<>();
        Map<String, Asset> served = new HashMap<>();
        for (String name : sources.keySet()) {
            hash(name, sources, hashed, served, new LinkedHashSet<>());
        }
        byte[] html = rewrite("index.html", indexHtml, sources, hashed, served);
        Asset index = new Asset(html, TYPES.get("html"), "\"" + digest(html).substring(0, 20) + "\"");
        return new ConsoleAssets(index, served, hashed);
    }

    public Asset index() {
        return index;
    }

    /** The file served under a hashed name, e.g. {@code app.1f2e3d4c5b.js}. */
    public Optional<Asset> asset(String hashedName) {
        return Optional.ofNullable(byHashedName.get(hashedName));
    }

    /** The hashed name of a source file, e.g. {@code app.js} → {@code app.1f2e3d4c5b.js}. */
    public Optional<String> hashedName(String sourceName) {
        return Optional.ofNullable(hashedNames.get(sourceName));
    }

    private static String hash(String name, Map<String, byte[]> sources, Map<String, String> hashed,
                               Map<String, Asset> served, LinkedHashSet<String> visiting) {
        String done = hashed.get(name);
        if (done != null) {
            return done;
        }
        if (!visiting.add(name)) {
            throw new IllegalStateException("the console's files refer to each other in a cycle: " + visiting + " → " + name);
        }
        byte[] body = rewrite(name, sources.get(name), sources, hashed, served, visiting);
        String extension = extension(name);
        String stem = name.substring(0, name.length() - extension.length() - 1);
        String hashedName = stem + "." + digest(body).substring(0, 10) + "." + extension;
        hashed.put(name, hashedName);
        served.put(hashedName, new Asset(body, TYPES.getOrDefault(extension, "application/octet-stream"),
                "\"" + hashedName + "\""));
        visiting.remove(name);
        return hashedName;
    }

    private static byte[] rewrite(String name, byte[] body, Map<String, byte[]> sources, Map<String, String> hashed,
                                  Map<String, Asset> served) {
        return rewrite(name, body, sources, hashed, served, new LinkedHashSet<>(List.of(name)));
    }

    private static byte[] rewrite(String name, byte[] body, Map<String, byte[]> sources, Map<String, String> hashed,
                                  Map<String, Asset> served, LinkedHashSet<String> visiting) {
        if (!TEXT.contains(extension(name))) {
            return body;
        }
        String text = new String(body, StandardCharsets.UTF_8);
        Matcher matcher = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        List<String> missing = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        while (matcher.find()) {
            String target = matcher.group(1);
            if (!sources.containsKey(target)) {
                if (seen.add(target)) {
                    missing.add(target);
                }
                continue;
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(
                    "/assets/" + hash(target, sources, hashed, served, visiting)));
        }
        matcher.appendTail(out);
        if (!missing.isEmpty()) {
            throw new IllegalStateException("the console's " + name + " refers to missing files: " + missing);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static byte[] read(Resource resource) throws IOException {
        try (InputStream in = resource.getInputStream()) {
            return in.readAllBytes();
        }
    }

    private static String digest(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
