package io.bookingservice.adapters.persistence.mybatis;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Param;

/**
 * SQL for {@code user_sessions} and {@code refresh_tokens}; the statements are in
 * {@code SessionMapper.xml} beside this interface. Session ids travel as text and hashes as hex.
 */
interface SessionMapper {

    /** Inserts the session and its first token if the account is still enabled and unchanged; whether it did. */
    boolean insertIfAccountUnchanged(@Param("session") SessionRow session, @Param("tokenHash") String tokenHash,
                                     @Param("issuedAt") Instant issuedAt,
                                     @Param("passwordChangedAt") Instant passwordChangedAt);

    StoredRefreshTokenRow findByTokenHashForUpdate(@Param("tokenHash") String tokenHash);

    int rotate(@Param("session") SessionRow session, @Param("used") String used, @Param("next") String next,
               @Param("now") Instant now);

    int end(@Param("id") String id, @Param("at") Instant at, @Param("reason") String reason);

    int endOwn(@Param("userId") long userId, @Param("id") String id, @Param("startedAfter") Instant startedAfter,
               @Param("usedAfter") Instant usedAfter, @Param("at") Instant at, @Param("reason") String reason);

    int endAllOf(@Param("userId") long userId, @Param("at") Instant at, @Param("reason") String reason);

    List<SessionRow> listActive(@Param("userId") long userId, @Param("startedAfter") Instant startedAfter,
                                @Param("usedAfter") Instant usedAfter);

    SignedInRow findUserWithSession(@Param("username") String username, @Param("id") String id,
                                    @Param("startedAfter") Instant startedAfter, @Param("usedAfter") Instant usedAfter);

    int purgeStartedBefore(@Param("userId") long userId, @Param("cutoff") Instant cutoff);
}
