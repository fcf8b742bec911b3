package io.bookingservice.domain.planted;

import io.bookingservice.application.planted.ApplicationHalfOfACycle;

/** Planted violation: one half of a domain ↔ application cycle. */
public class DomainHalfOfACycle {
    ApplicationHalfOfACycle other;
}
