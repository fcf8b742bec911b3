package io.bookingservice.bootstrap.wiring;

import io.bookingservice.adapters.web.security.JwtKeyHolder;
import io.bookingservice.bootstrap.config.Settings;
import io.bookingservice.bootstrap.keys.SigningKeyRefresh;
import io.bookingservice.bootstrap.keys.SigningKeySource;
import io.bookingservice.bootstrap.secrets.SecretSource;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The JWT keys: read at start (a failure stops the start), then re-read every
 * BOOKING_KEY_REFRESH seconds into the one {@link JwtKeyHolder} the signer and the decoder share.
 */
@Configuration(proxyBeanMethods = false)
public class SigningKeysConfiguration {

    @Bean
    SigningKeySource signingKeySource(Settings settings, ObjectProvider<SecretSource> secrets) {
        return SigningKeySource.of(settings, secrets::getObject);
    }

    @Bean
    JwtKeyHolder jwtKeyHolder(SigningKeySource source) {
        return new JwtKeyHolder(source.load());
    }

    /**
     * The re-read's own thread, shut down with the context. Kept to this one bean so that it can
     * be replaced by a scheduler shared with other periodic work.
     */
    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService signingKeyRefreshScheduler() {
        return Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "signing-key-refresh");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean(destroyMethod = "close")
    SigningKeyRefresh signingKeyRefresh(SigningKeySource source, JwtKeyHolder holder, Settings settings,
            @Qualifier("signingKeyRefreshScheduler") ScheduledExecutorService scheduler) {
        return SigningKeyRefresh.start(source, holder, settings.keyRefresh(), scheduler);
    }
}
