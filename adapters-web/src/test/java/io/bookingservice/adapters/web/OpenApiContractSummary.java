package io.bookingservice.adapters.web;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * Prints, at the end of the web tests, how many exchanges {@link OpenApiContract} checked and
 * how many request and response bodies it validated against the document's schemas.
 * Registered through {@code META-INF/services}; a public no-argument constructor for that.
 */
public final class OpenApiContractSummary implements TestExecutionListener {

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        if (OpenApiContract.EXCHANGES.get() > 0) {
            System.out.println("OpenAPI contract: " + OpenApiContract.EXCHANGES.get() + " exchanges checked ("
                    + OpenApiContract.OPERATIONS.get() + " documented operations), "
                    + OpenApiContract.REQUEST_BODIES.get() + " request bodies and "
                    + OpenApiContract.RESPONSE_BODIES.get() + " response bodies validated against openapi.yaml");
        }
    }
}
