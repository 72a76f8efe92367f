-- search_word (V30, V61) counted the words of every article ever stored and never took them off: an article
-- removed by an editor, a corrected headline or a revision's new body left their words behind. "Did you
-- mean" could then offer a word no article holds any more, and a misspelling only a removed article carried
-- counted as a known word and got no suggestion. Now an article's words are taken off when it is deleted or
-- its headline, dek or body changes, and a changed article is noted again so its new words are counted.

-- The words of an article as search_word counts them; SearchWordCounter counts with the same function.
create function parallax_article_words(headline text, dek text, body text) returns text[]
    language sql immutable parallel safe as
$$
select coalesce(array_agg(w), '{}')
from unnest(tsvector_to_array(to_tsvector('simple', coalesce(headline, '') || ' ' || coalesce(dek, '') || ' '
     || coalesce(body, '')))) as w
where length(w) between 3 and 40 and w !~ '^[0-9.,:/-]+$'
$$;

create function search_word_forget() returns trigger
    language plpgsql as
$$
declare
    words text[];
begin
    -- An article still waiting in the queue has not been counted: nothing to take off. FOR UPDATE waits
    -- for a batch counting it at this moment, after which it is counted and gone from the queue.
    perform 1 from search_word_queue where article_id = old.id for update;
    if not found then
        words := parallax_article_words(old.headline, old.dek, old.body);
        -- Locked in word order, as the counter locks them, so the two never deadlock.
        perform 1 from search_word where word = any (words) order by word for update;
        update search_word set ndoc = ndoc - 1 where word = any (words);
        delete from search_word where word = any (words) and ndoc <= 0;
    end if;
    if tg_op = 'UPDATE' then
        insert into search_word_queue (article_id) values (new.id) on conflict do nothing;
        return new;
    end if;
    return old;
end
$$;

create trigger article_search_words_forget
    before delete on article
    for each row execute function search_word_forget();

-- Only a change of the counted text: grouping writes story_id on every article, which must stay cheap.
create trigger article_search_words_recount
    before update of headline, dek, body on article
    for each row
    when (old.headline is distinct from new.headline or old.dek is distinct from new.dek
          or old.body is distinct from new.body)
    execute function search_word_forget();
