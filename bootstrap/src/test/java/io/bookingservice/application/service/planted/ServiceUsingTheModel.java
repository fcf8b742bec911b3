package io.bookingservice.application.service.planted;

import io.bookingservice.application.model.planted.ModelUsingAService;

/** The legitimate half of the model ↔ service cycle. */
public class ServiceUsingTheModel {
    ModelUsingAService model;
}
