package io.bookingservice.adapters.persistence.mybatis;

import java.util.List;
import org.apache.ibatis.annotations.Param;

/** SQL for {@code users}; the statements are in {@code UserMapper.xml} beside this interface. */
interface UserMapper {

    /** Inserts and returns the row as stored. */
    UserRow insert(UserRow row);

    UserRow findById(@Param("id") long id);

    UserRow findByUsername(@Param("username") String username);

    /** Returns the row as stored, or {@code null} when no user has that id. */
    UserRow update(UserRow row);

    List<UserRow> list();

    long count();
}
