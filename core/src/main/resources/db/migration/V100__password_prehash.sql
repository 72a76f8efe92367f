-- bcrypt reads only the first 72 bytes of a password, and passwords may be up to 256 characters: new hashes
-- are of the password's SHA-256 (base64), which keeps every character significant. Hashes made before this
-- migration are of the password itself; the next successful login replaces them.
alter table app_user add column password_prehashed boolean not null default false;
