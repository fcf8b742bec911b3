package io.bookingservice.application.service.planted;

import org.springframework.beans.factory.annotation.Autowired;

/** Planted violation: a framework annotation on a service member rather than on the class. */
public class ServiceWithAnAutowiredConstructor {
    @Autowired
    public ServiceWithAnAutowiredConstructor() {
    }
}
