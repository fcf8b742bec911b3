package io.bookingservice.adapters.web.planted;

import io.bookingservice.application.port.in.OperateAccountsUseCase;

/** Planted violation: a controller given the operator-only port, whose operations check no actor. */
public class WebOperatingAccounts {
    OperateAccountsUseCase accounts;
}
