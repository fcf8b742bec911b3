package io.bookingservice.adapters.web.planted;

import io.bookingservice.bootstrap.planted.Wiring;

/** Planted violation: an adapter depending on the module that wires it. */
public class WebUsingBootstrap {
    Wiring wiring;
}
