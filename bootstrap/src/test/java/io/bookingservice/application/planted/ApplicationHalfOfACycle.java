package io.bookingservice.application.planted;

import io.bookingservice.domain.planted.DomainHalfOfACycle;

/** The legitimate half of the domain ↔ application cycle: the application may use the domain. */
public class ApplicationHalfOfACycle {
    DomainHalfOfACycle other;
}
