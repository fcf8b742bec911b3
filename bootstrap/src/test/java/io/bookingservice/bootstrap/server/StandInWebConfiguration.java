package io.bookingservice.bootstrap.server;

import io.bookingservice.application.port.in.CheckHealthUseCase;
import java.util.concurrent.CountDownLatch;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;

/**
 * A minimal web layer standing in for the web adapter's configuration: it proves the server
 * mounts a child web context that sees the root context's use cases, and gives the drain test
 * a request that stays in flight until released.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebMvc
public class StandInWebConfiguration {

    static final CountDownLatch SLOW_ENTERED = new CountDownLatch(1);
    static final CountDownLatch SLOW_RELEASE = new CountDownLatch(1);

    @Bean
    Probe probe(CheckHealthUseCase health) {
        return new Probe(health);
    }
}
