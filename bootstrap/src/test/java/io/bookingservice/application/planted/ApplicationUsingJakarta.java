package io.bookingservice.application.planted;

import jakarta.servlet.http.HttpServletRequest;

/** Planted violation: the application knowing about HTTP. */
public class ApplicationUsingJakarta {
    HttpServletRequest request;
}
