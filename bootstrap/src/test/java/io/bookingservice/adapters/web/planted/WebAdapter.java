package io.bookingservice.adapters.web.planted;

/** A compliant web adapter class for other planted classes to depend on. */
public class WebAdapter {
}
