package io.bookingservice.adapters.web.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsoleAssetsTest {

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String body(ConsoleAssets assets, String source) {
        String hashed = assets.hashedName(source).orElseThrow();
        return new String(assets.asset(hashed).orElseThrow().body(), StandardCharsets.UTF_8);
    }

    @Test
    void referencesAreRewrittenToHashedNamesDependenciesFirst() {
        ConsoleAssets assets = ConsoleAssets.of(text("<script type=module src=\"/assets/app.js\"></script>"), Map.of(
                "app.js", text("import { a } from '/assets/lib.js';"),
                "lib.js", text("export const a = 1;")));

        String lib = assets.hashedName("lib.js").orElseThrow();
        assertThat(lib).matches("lib\\.[0-9a-f]{10}\\.js");
        assertThat(body(assets, "app.js")).isEqualTo("import { a } from '/assets/" + lib + "';");
        assertThat(new String(assets.index().body(), StandardCharsets.UTF_8))
                .isEqualTo("<script type=module src=\"/assets/" + assets.hashedName("app.js").orElseThrow() + "\"></script>");
        assertThat(assets.asset("app.js")).as("only hashed names are served").isEmpty();
    }

    @Test
    void aChangedDependencyRenamesEveryFileThatRefersToIt() {
        ConsoleAssets before = ConsoleAssets.of(text("/assets/app.js"), Map.of(
                "app.js", text("import '/assets/lib.js';"), "lib.js", text("1"), "other.js", text("2")));
        ConsoleAssets after = ConsoleAssets.of(text("/assets/app.js"), Map.of(
                "app.js", text("import '/assets/lib.js';"), "lib.js", text("changed"), "other.js", text("2")));

        assertThat(after.hashedName("lib.js")).isNotEqualTo(before.hashedName("lib.js"));
        assertThat(after.hashedName("app.js")).as("same source, new dependency").isNotEqualTo(before.hashedName("app.js"));
        assertThat(after.hashedName("other.js")).isEqualTo(before.hashedName("other.js"));
        assertThat(after.index().etag()).isNotEqualTo(before.index().etag());
    }

    @Test
    void aMissingFileOrACycleFailsTheStartNotThePage() {
        assertThatThrownBy(() -> ConsoleAssets.of(text("/assets/app.js"), Map.of("app.js", text("import '/assets/gone.js';"))))
                .hasMessageContaining("app.js refers to missing files: [gone.js]");
        assertThatThrownBy(() -> ConsoleAssets.of(text("/assets/a.js"), Map.of(
                "a.js", text("import '/assets/b.js';"), "b.js", text("import '/assets/a.js';"))))
                .hasMessageContaining("cycle");
    }

    @Test
    void thePackagedConsoleLoads() {
        ConsoleAssets assets = ConsoleAssets.load();
        assertThat(assets.hashedName("app.js")).isPresent();
        assertThat(assets.hashedName("console.css")).isPresent();
        assertThat(ConsoleController.matches("W/\"x\", \"y\"", "\"y\"")).isTrue();
        assertThat(ConsoleController.matches("\"x\"", "\"y\"")).isFalse();
    }
}
