package io.bookingservice.domain;

/**
 * Which rule an input value broke: <em>what</em> is wrong, never how to say it. Each driving
 * adapter words a {@link Violation} for its own audience (the web adapter as the Python
 * service's clients expect, the command line for an operator).
 */
public enum Rule {
    /** No value where one is required. */
    REQUIRED,
    /** Fewer characters than {@link Violation#limit()}; with no limit, a required text left blank. */
    TOO_SHORT,
    /** More characters than {@link Violation#limit()}. */
    TOO_LONG,
    /** Not greater than {@link Violation#limit()}. */
    NOT_ABOVE,
    /** Less than {@link Violation#limit()}. */
    BELOW_MINIMUM,
    /** Greater than {@link Violation#limit()}. */
    ABOVE_MAXIMUM,
    /** Not one of {@link Violation#options()}; {@link Violation#rejected()} is what was given. */
    NOT_ONE_OF,
    /** A text whose length is not between 1 and {@link Violation#limit()}. */
    LENGTH_OUT_OF_RANGE,
    /** An event time more than an hour in the past; {@link Violation#rejected()} is that time. */
    IN_THE_PAST,
    /** A country name or code that matches no country; {@link Violation#rejected()} is the input. */
    UNKNOWN_COUNTRY,
    /** A country name matching several; {@link Violation#options()} are their names, sorted. */
    AMBIGUOUS_COUNTRY,
    /** An e-mail address without an @-sign. */
    EMAIL_WITHOUT_AT_SIGN,
    /** An e-mail address with more than one @-sign. */
    EMAIL_WITH_SEVERAL_AT_SIGNS,
    /** Nothing before the @-sign. */
    EMAIL_WITHOUT_LOCAL_PART,
    /** Nothing after the @-sign. */
    EMAIL_WITHOUT_DOMAIN,
    /** Blanks or control characters inside an e-mail address. */
    EMAIL_WITH_INVALID_CHARACTERS,
    /** A domain part without a period, or with one at an end or two in a row. */
    EMAIL_DOMAIN_WITHOUT_PERIOD,
    /** A name that starts or ends with blanks or holds control characters. */
    UNTRIMMED_OR_CONTROL_CHARACTERS
}
