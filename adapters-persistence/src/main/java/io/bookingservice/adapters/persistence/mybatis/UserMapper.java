package io.bookingservice.adapters.persistence.mybatis;

import java.util.List;
import org.apache.ibatis.annotations.Param;

/** SQL for {@code users}; the statements are in {@code UserMapper.xml} beside this interface. */
interface UserMapper {

    /** Inserts and returns the row as stored. */
    UserRow insert(UserRow row);

    UserRow findById(@Param("id") long id);

    UserRow findByUsername(@Param("username") String username);

    /** {@link #findByUsername} that also locks the row until the transaction ends. */
    UserRow findByUsernameForUpdate(@Param("username") String username);

    /** Returns the row as stored, or {@code null} when no user has that id. */
    UserRow update(UserRow row);

    /** Compare-and-set of the hash alone; returns the number of rows changed (0 or 1). */
    int replacePasswordHash(@Param("id") long id, @Param("expected") String expected,
                            @Param("replacement") String replacement);

    List<UserRow> list();

    long count();
}
