package io.bookingservice.domain.user;

import java.util.Arrays;

/** Why a session ended before it expired; stored lower-case, as {@link #code()}. */
public enum SessionEnd {
    /** The user signed out or revoked its refresh token (RFC 7009). */
    SIGNED_OUT("signed_out"),
    /** An already used refresh token came back: someone else holds a copy, so the session dies. */
    REFRESH_TOKEN_REUSED("token_reused"),
    /** The password was changed or reset. */
    PASSWORD_CHANGED("password_changed"),
    /** The account was disabled. */
    ACCOUNT_DISABLED("disabled"),
    /** An admin ended it. */
    ENDED_BY_ADMIN("ended_by_admin");

    private final String code;

    SessionEnd(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static SessionEnd fromCode(String code) {
        return Arrays.stream(values()).filter(end -> end.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown session end '" + code + "'"));
    }
}
