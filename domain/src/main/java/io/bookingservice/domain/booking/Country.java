package io.bookingservice.domain.booking;

import io.bookingservice.domain.Violation;
import io.bookingservice.domain.Rule;
import io.bookingservice.domain.ValidationException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An ISO 3166-1 country, named by its short name as the Python service stored it
 * ({@code pycountry}'s {@code name}). Data: Debian iso-codes 4.15.0 (LGPL-2.1+), shipped
 * as {@code iso_3166-1.tsv} beside this class.
 */
public record Country(String alpha2, String alpha3, String name) {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{Nd}]+");

    public Country {
        Objects.requireNonNull(alpha2, "alpha2");
        Objects.requireNonNull(alpha3, "alpha3");
        Objects.requireNonNull(name, "name");
    }

    /**
     * Finds the country a user meant. Exact matches first: alpha-2, alpha-3, name, official
     * and common name, ignoring case, accents and punctuation ("USA", "jp", "Côte d'Ivoire").
     * Then a whole-word match inside those names, accepted only when exactly one country
     * matches ("Great Britain" → United Kingdom). "Niger" is exact, so never Nigeria.
     *
     * @throws ValidationException naming the input and, when ambiguous, the candidates
     */
    public static Country lookup(String input) {
        if (input == null || input.isBlank()) {
            throw new ValidationException(Violation.of(Rule.TOO_SHORT));
        }
        String key = normalise(input);
        Country exact = Registry.EXACT.get(key);
        if (exact != null) {
            return exact;
        }
        Set<Country> candidates = new LinkedHashSet<>();
        if (!key.isEmpty()) {
            String needle = " " + key + " ";
            for (Map.Entry<Country, List<String>> entry : Registry.NAMES.entrySet()) {
                for (String name : entry.getValue()) {
                    if ((" " + name + " ").contains(needle)) {
                        candidates.add(entry.getKey());
                    }
                }
            }
        }
        if (candidates.size() == 1) {
            return candidates.iterator().next();
        }
        if (candidates.isEmpty()) {
            throw new ValidationException(Violation.rejected(Rule.UNKNOWN_COUNTRY, input));
        }
        throw new ValidationException(Violation.choice(Rule.AMBIGUOUS_COUNTRY, input,
                candidates.stream().map(Country::name).sorted().toList()));
    }

    /** Every known country, in the data file's order. */
    public static List<Country> all() {
        return List.copyOf(Registry.NAMES.keySet());
    }

    static String normalise(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        String unaccented = MARKS.matcher(decomposed).replaceAll("");
        return NOT_WORD.matcher(unaccented.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    /** Loaded once, on first use; immutable afterwards. */
    private static final class Registry {

        static final Map<Country, List<String>> NAMES;
        static final Map<String, Country> EXACT;

        static {
            Map<Country, List<String>> names = new java.util.LinkedHashMap<>();
            Map<String, Country> exact = new HashMap<>();
            try (InputStream in = Country.class.getResourceAsStream("iso_3166-1.tsv")) {
                if (in == null) {
                    throw new IllegalStateException("iso_3166-1.tsv is missing from the classpath");
                }
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                String line;
                while ((line = reader.readLine()) != null) {
                    if (line.isBlank() || line.startsWith("#")) {
                        continue;
                    }
                    // alpha_2, alpha_3, numeric, name, official_name, common_name
                    String[] cols = line.split("\t", -1);
                    Country country = new Country(cols[0], cols[1], cols[3]);
                    List<String> all = new ArrayList<>();
                    for (int i : new int[] {3, 4, 5}) {
                        if (i < cols.length && !cols[i].isBlank()) {
                            all.add(normalise(cols[i]));
                        }
                    }
                    names.put(country, List.copyOf(all));
                    // Codes and names never collide across countries in ISO 3166-1; first wins defensively.
                    exact.putIfAbsent(normalise(cols[0]), country);
                    exact.putIfAbsent(normalise(cols[1]), country);
                    all.forEach(n -> exact.putIfAbsent(n, country));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read iso_3166-1.tsv", e);
            }
            NAMES = java.util.Collections.unmodifiableMap(names);
            EXACT = Map.copyOf(exact);
        }
    }
}
