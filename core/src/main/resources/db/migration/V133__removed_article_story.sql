-- The story a removed article belonged to, so that a link to a story emptied by removals says what
-- happened (410) instead of "no such story". No foreign key: the record outlives the story.
alter table removed_article add column story_id bigint;
create index removed_article_story_idx on removed_article (story_id) where story_id is not null;
