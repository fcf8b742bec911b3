package io.bookingservice.adapters.web.planted;

import io.bookingservice.application.service.BookingService;

/** Planted violation: a controller bypassing port.in and holding the service class itself. */
public class WebCallingAService {
    BookingService service;
}
