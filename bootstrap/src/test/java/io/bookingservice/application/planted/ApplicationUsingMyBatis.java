package io.bookingservice.application.planted;

import org.apache.ibatis.session.SqlSession;

/** Planted violation: SQL sessions inside the application. */
public class ApplicationUsingMyBatis {
    SqlSession session;
}
