-- Alembic revision 00ba29ba9ef0, reproduced exactly (see V1 for why).
CREATE TABLE users (
    id              serial       NOT NULL,
    username        varchar(100) NOT NULL,
    hashed_password varchar      NOT NULL,
    disabled        boolean      NOT NULL,
    role            varchar(50)  NOT NULL,
    CONSTRAINT users_pkey PRIMARY KEY (id)
);

-- Alembic's index=True / unique=True indexes; the unique one is what keeps usernames
-- unique, so it must keep this name and shape.
CREATE INDEX ix_users_id ON users (id);
CREATE UNIQUE INDEX ix_users_username ON users (username);
