-- Articles waiting to be put into a story. A row is written in the same transaction as its article, so an
-- article that is committed is never forgotten by grouping, whatever happens to the process afterwards;
-- the assignment worker deletes the row once the article is grouped. Grouping therefore runs beside
-- ingest instead of inside it, and a restarted server (or any replica) finishes what another left.
create table story_assignment_queue (
    article_id bigint      not null primary key references article (id) on delete cascade,
    queued_at  timestamptz not null default now(),
    -- Failed attempts; a row that keeps failing is passed over after a few, and its last error kept here.
    attempts   integer     not null default 0,
    last_error text
);

-- Articles stored before this migration that are not yet in a story (none in a fresh database).
insert into story_assignment_queue (article_id)
select a.id from article a where not exists (select 1 from story_member m where m.article_id = a.id);
