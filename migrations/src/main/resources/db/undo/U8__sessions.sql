-- Undo V8: sessions and refresh tokens are credentials, not data; dropping them signs everyone
-- out of their sessions (access tokens without a session id, as V7 and earlier issued, stay valid).
DROP TABLE refresh_tokens;
DROP TABLE user_sessions;
