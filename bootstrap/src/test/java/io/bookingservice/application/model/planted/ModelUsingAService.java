package io.bookingservice.application.model.planted;

import io.bookingservice.application.service.planted.ServiceUsingTheModel;

/** Planted violation: application.model pointing back at application.service. */
public class ModelUsingAService {
    ServiceUsingTheModel service;
}
