package io.bookingservice.web.planted;

/** Planted violation: a class outside every module package, which no adapter rule would see. */
public class StrayController {
}
