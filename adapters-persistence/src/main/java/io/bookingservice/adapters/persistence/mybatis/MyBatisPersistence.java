package io.bookingservice.adapters.persistence.mybatis;

import io.bookingservice.adapters.persistence.postgres.PostgresConnectionSettings;
import io.bookingservice.adapters.persistence.postgres.PostgresPool;
import io.bookingservice.adapters.persistence.postgres.SpringTransactions;
import io.bookingservice.application.port.out.BookingRepository;
import io.bookingservice.application.port.out.IdempotencyStore;
import io.bookingservice.application.port.out.SessionRepository;
import io.bookingservice.application.port.out.Transactions;
import io.bookingservice.application.port.out.UserRepository;
import io.bookingservice.domain.booking.Address;
import java.time.Instant;
import java.util.Objects;
import javax.sql.DataSource;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.AutoMappingBehavior;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.LocalCacheScope;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.mybatis.spring.SqlSessionTemplate;
import org.mybatis.spring.transaction.SpringManagedTransactionFactory;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;
import tools.jackson.databind.json.JsonMapper;

/**
 * The MyBatis persistence adapter, wired from a {@link DataSource}: plain Java, so the
 * bootstrap module can expose each part as a bean without this module knowing how.
 * <pre>{@code
 * HikariDataSource pool = PostgresPool.open(PostgresConnectionSettings.of(url, user, password));
 * MyBatisPersistence persistence = MyBatisPersistence.create(pool);
 * new BookingService(persistence.bookings(), persistence.idempotencyStore(),
 *         persistence.transactions(), clock);
 * }</pre>
 * The caller owns the data source (and closes it); this object holds no resources of its own.
 */
public final class MyBatisPersistence {

    private final PlatformTransactionManager transactionManager;
    private final MyBatisBookingRepository bookings;
    private final MyBatisUserRepository users;
    private final MyBatisIdempotencyStore idempotencyStore;
    private final MyBatisSessionRepository sessionRepository;
    private final SpringTransactions transactions;

    private MyBatisPersistence(PlatformTransactionManager transactionManager, SqlSessionTemplate sessions) {
        this.transactionManager = transactionManager;
        this.bookings = new MyBatisBookingRepository(sessions.getMapper(BookingMapper.class), transactionManager);
        this.users = new MyBatisUserRepository(sessions.getMapper(UserMapper.class));
        this.idempotencyStore = new MyBatisIdempotencyStore(sessions.getMapper(IdempotencyMapper.class));
        this.sessionRepository = new MyBatisSessionRepository(sessions.getMapper(SessionMapper.class));
        this.transactions = new SpringTransactions(transactionManager);
    }

    /** Every adapter over {@code dataSource}, sharing one transaction manager. */
    public static MyBatisPersistence create(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        DataSourceTransactionManager transactionManager = new DataSourceTransactionManager(dataSource);
        return new MyBatisPersistence(transactionManager, new SqlSessionTemplate(sessionFactory(dataSource)));
    }

    public BookingRepository bookings() {
        return bookings;
    }

    public UserRepository users() {
        return users;
    }

    public IdempotencyStore idempotencyStore() {
        return idempotencyStore;
    }

    public SessionRepository sessions() {
        return sessionRepository;
    }

    public Transactions transactions() {
        return transactions;
    }

    /** For callers that need Spring transactions of their own over the same connections. */
    public PlatformTransactionManager transactionManager() {
        return transactionManager;
    }

    /**
     * MyBatis as this adapter uses it. No second-level cache, and a first-level cache
     * scoped to one statement: every read goes to the database, so a read after another
     * transaction's commit is never served stale from a session cache.
     */
    static SqlSessionFactory sessionFactory(DataSource dataSource) {
        Configuration configuration = new Configuration();
        configuration.setCacheEnabled(false);
        configuration.setLocalCacheScope(LocalCacheScope.STATEMENT);
        // Every row has an explicit <constructor> map and every other result is one value, so
        // nothing is left for MyBatis to match by column name after the constructor has run.
        configuration.setAutoMappingBehavior(AutoMappingBehavior.NONE);
        configuration.setObjectFactory(new RowFactory());
        // Replace MyBatis' own java.time handler: ours never uses the JVM's default zone.
        configuration.getTypeHandlerRegistry().register(Instant.class, new InstantTypeHandler());
        // One parser per stored address (101 for a page of 100): Jackson 3's default buffer pool,
        // shared by all threads, cost 3 % of that page's CPU under load (async-profiler); the
        // thread-local pool is the fastest for platform threads (jackson-core #1256, #1294).
        configuration.getTypeHandlerRegistry().register(Address.class, new AddressJsonbTypeHandler(
                JsonMapper.builder(JsonFactory.builder().recyclerPool(JsonRecyclerPools.threadLocalPool()).build())
                        .build()));
        // Loads each interface's XML from the same resource path.
        configuration.addMapper(BookingMapper.class);
        configuration.addMapper(UserMapper.class);
        configuration.addMapper(IdempotencyMapper.class);
        configuration.addMapper(SessionMapper.class);
        // Range-filtered list queries are planned with their values every time (see CustomPlans).
        configuration.addInterceptor(new CustomPlans(configuration));

        // What mybatis-spring's SqlSessionFactoryBean does, without its dependency on a Spring
        // ApplicationContext: sessions take the connection of the current Spring transaction.
        configuration.setEnvironment(new Environment("booking", new SpringManagedTransactionFactory(), dataSource));
        return new SqlSessionFactoryBuilder().build(configuration);
    }
}
