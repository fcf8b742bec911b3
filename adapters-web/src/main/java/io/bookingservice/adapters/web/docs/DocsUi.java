package io.bookingservice.adapters.web.docs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;

/**
 * Swagger UI (the {@code org.webjars:swagger-ui} files) at the configured docs URL, showing
 * {@code /openapi.json}. Only our {@code swagger-initializer.js} differs from the webjar's.
 */
public final class DocsUi {

    private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";

    private final String url;

    /** @param url e.g. {@code /docs}, as normalised by {@code WebSettings.docsPath} (the security rules use the same) */
    public DocsUi(String url) {
        this.url = url;
    }

    public void register(ResourceHandlerRegistry resources) {
        resources.addResourceHandler(url + "/**")
                .addResourceLocations("classpath:/io/bookingservice/adapters/web/docs/ui/",
                        "classpath:/" + WEBJAR + webjarVersion() + "/");
    }

    public void register(ViewControllerRegistry views) {
        views.addRedirectViewController(url, url + "/index.html");
    }

    /** The webjar's version from its Maven metadata, so that upgrading it needs no code change. */
    static String webjarVersion() {
        try (InputStream in = DocsUi.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("org.webjars:swagger-ui is not on the classpath");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
