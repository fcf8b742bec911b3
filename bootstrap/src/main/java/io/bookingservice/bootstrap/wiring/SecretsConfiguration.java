package io.bookingservice.bootstrap.wiring;

import io.bookingservice.bootstrap.config.Settings;
import io.bookingservice.bootstrap.secrets.AwsSecretSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/** Secrets Manager, created only when something asks for a secret (dev and prod). */
@Configuration(proxyBeanMethods = false)
public class SecretsConfiguration {

    @Bean(destroyMethod = "close")
    @Lazy
    AwsSecretSource secretSource(Settings settings) {
        return AwsSecretSource.create(settings.secretsEndpoint());
    }
}
