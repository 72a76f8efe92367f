-- Accounts: usernames are stored lower-case so that login is case-insensitive with an exact match.
alter table app_user add constraint app_user_username_lower check (username = lower(username));

-- Failed-login bookkeeping shared by every replica: one row per account ("user:name") and per client
-- address ("ip:203.0.113.7").
create table login_throttle (
    subject      text        primary key,
    attempts     integer     not null default 0,
    window_start timestamptz not null default now(),
    locked_until timestamptz
);
