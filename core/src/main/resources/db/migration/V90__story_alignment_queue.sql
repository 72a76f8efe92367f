-- Stories whose stored alignment (passage links, unique passages, quote groups) is behind their membership.
-- Grouping an article writes these rows in its own transaction, one per story it changed, plus one per
-- article that story gained (whose pairs with the members still have to be aligned); aligning the story
-- deletes them in the transaction that writes the new alignment. Grouping stays one article at a time while
-- stories are aligned on other threads or replicas, and a crash in between leaves the mark, not a story whose
-- alignment silently misses an article.
create table story_alignment_queue (
    story_id   bigint      not null references story (id) on delete cascade,
    -- An article the story gained, or 0 for "recompute the unique passages and quote groups".
    article_id bigint      not null default 0,
    queued_at  timestamptz not null default now(),
    -- Failed attempts at aligning the story; one that keeps failing is passed over, with its last error.
    attempts   integer     not null default 0,
    last_error text,
    primary key (story_id, article_id)
);
