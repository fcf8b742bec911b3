package io.bookingservice.bootstrap.wiring;

import io.bookingservice.adapters.persistence.mybatis.MyBatisPersistence;
import io.bookingservice.application.port.out.BookingRepository;
import io.bookingservice.application.port.out.IdempotencyStore;
import io.bookingservice.application.port.out.SessionRepository;
import io.bookingservice.application.port.out.Transactions;
import io.bookingservice.application.port.out.UserRepository;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** BOOKING_PERSISTENCE=postgres: the MyBatis adapters over {@link DatabaseConfiguration}'s pool. */
@Configuration(proxyBeanMethods = false)
public class PostgresPersistenceConfiguration {

    @Bean
    MyBatisPersistence myBatisPersistence(DataSource dataSource) {
        return MyBatisPersistence.create(dataSource);
    }

    @Bean
    BookingRepository bookingRepository(MyBatisPersistence persistence) {
        return persistence.bookings();
    }

    @Bean
    UserRepository userRepository(MyBatisPersistence persistence) {
        return persistence.users();
    }

    @Bean
    IdempotencyStore idempotencyStore(MyBatisPersistence persistence) {
        return persistence.idempotencyStore();
    }

    @Bean
    SessionRepository sessionRepository(MyBatisPersistence persistence) {
        return persistence.sessions();
    }

    @Bean
    Transactions transactions(MyBatisPersistence persistence) {
        return persistence.transactions();
    }
}
