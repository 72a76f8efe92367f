-- Reader pages keep a snapshot of each story they show in memory. Every change to what a snapshot holds
-- (the story row, its articles, its stored alignment) announces the story's id on channel 'parallax_story'
-- when the transaction commits, so every replica drops its snapshot at once instead of asking the database
-- on each request whether the story changed. pg_notify folds identical payloads of one transaction into one.
create function parallax_notify_story() returns trigger
    language plpgsql as
$$
declare
    changed bigint;
begin
    if tg_table_name = 'story' then
        changed := coalesce(new.id, old.id);
    elsif tg_table_name = 'article' then
        if tg_op <> 'INSERT' and old.story_id is not null and old.story_id is distinct from new.story_id then
            perform pg_notify('parallax_story', old.story_id::text);
        end if;
        changed := case when tg_op = 'DELETE' then old.story_id else new.story_id end;
    else
        changed := case when tg_op = 'DELETE' then old.story_id else new.story_id end;
    end if;
    if changed is not null then
        perform pg_notify('parallax_story', changed::text);
    end if;
    return null;
end
$$;

create trigger story_changed after insert or update or delete on story
    for each row execute function parallax_notify_story();
create trigger article_changed after update or delete on article
    for each row execute function parallax_notify_story();
create trigger passage_link_changed after insert or update or delete on passage_link
    for each row execute function parallax_notify_story();
create trigger unique_passage_changed after insert or update or delete on unique_passage
    for each row execute function parallax_notify_story();
create trigger quote_group_changed after insert or update or delete on quote_group
    for each row execute function parallax_notify_story();
