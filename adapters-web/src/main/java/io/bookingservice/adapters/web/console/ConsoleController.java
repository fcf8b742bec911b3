package io.bookingservice.adapters.web.console;

import io.bookingservice.adapters.web.error.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the web console: {@code index.html} at {@code /}, revalidated on every load
 * ({@code no-cache} with an ETag), and its files under content-hashed names at
 * {@code /assets/…}, cached for a year ({@code immutable}): a new release changes the names
 * that {@code index.html} refers to. The console is a client of the public API like any other;
 * nothing here reads a token.
 */
@RestController
class ConsoleController {

    /** Paths the console owns; they are public, outside the trailing-slash rewriting and off-limits to DOCS_URL. */
    static final String ASSETS = "/assets";

    private final ConsoleAssets assets;
    private final ProblemWriter problems;

    ConsoleController(ConsoleAssets assets, ProblemWriter problems) {
        this.assets = assets;
        this.problems = problems;
    }

    @GetMapping("/")
    void index(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ConsoleAssets.Asset index = assets.index();
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
        response.setHeader(HttpHeaders.ETAG, index.etag());
        if (matches(request.getHeader(HttpHeaders.IF_NONE_MATCH), index.etag())) {
            response.setStatus(HttpStatus.NOT_MODIFIED.value());
            return;
        }
        write(response, index);
    }

    @GetMapping(ASSETS + "/{name}")
    void asset(@PathVariable("name") String name, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Optional<ConsoleAssets.Asset> found = assets.asset(name);
        if (found.isEmpty()) {
            problems.write(request, response, HttpStatus.NOT_FOUND, "Not Found");
            return;
        }
        response.setHeader(HttpHeaders.CACHE_CONTROL, "public, max-age=31536000, immutable");
        response.setHeader(HttpHeaders.ETAG, found.get().etag());
        write(response, found.get());
    }

    private static void write(HttpServletResponse response, ConsoleAssets.Asset asset) throws IOException {
        response.setContentType(asset.contentType());
        response.setContentLength(asset.body().length);
        response.getOutputStream().write(asset.body());
    }

    /** {@code If-None-Match}: a list of entity tags or {@code *}; weak tags compare by their value. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("*") || tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
